/** Colours and the visible hour span of the weekday × hour heatmap. */
import type { StoreResults } from "@sonrisa/shared/schemas/results";

const EMPTY = "#f3efe9";

/** Volume: the brand green, stronger with more answers. CSAT: red through amber to green; empty cells stay pale. */
export function cellColor(mode: "volume" | "csat", total: number, max: number, csat: number | null): string {
  if (total === 0) return EMPTY;
  if (mode === "volume") {
    const alpha = 0.12 + 0.88 * Math.sqrt(total / max);
    return `rgba(31, 111, 92, ${alpha.toFixed(3)})`;
  }
  return mix((csat ?? 0) / 100);
}

/** Red at 0 %, amber at 50 %, the brand green at 100 % (the stops of the legend). */
const STOPS = [
  [192, 57, 43],
  [233, 180, 76],
  [31, 111, 92],
] as const;

function mix(share: number): string {
  const [a, b, t] = share < 0.5 ? [STOPS[0], STOPS[1], share * 2] : [STOPS[1], STOPS[2], (share - 0.5) * 2];
  const channel = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** Hours from the first to the last with any answer, at least 08–20, so a phone need not show the night. */
export function hourSpan(heatmap: StoreResults["heatmap"]): number[] {
  let first = 8;
  let last = 20;
  for (const row of heatmap) {
    row.forEach((cell, hour) => {
      if (cell.total > 0) {
        first = Math.min(first, hour);
        last = Math.max(last, hour);
      }
    });
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
