/** uPlot options for the trend: answers as bars on the left axis, CSAT % as a line on the right. */
import uPlot from "uplot";
import type { Format } from "../../lib/format.ts";

export const CHART_COLORS = {
  bars: "rgba(31, 111, 92, 0.28)",
  barsEdge: "#1f6f5c",
  csat: "#3656c9",
  axis: "#5b6868",
  grid: "#ece6dd",
};

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Seconds since the epoch of a store-local date's midnight, read as UTC so ticks land on whole days. */
export function secondsOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

function dateOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Every Monday of the data, thinned to one label per 64 px. */
function weekSplits(u: uPlot): number[] {
  const weeks = u.data[0] as number[];
  const every = Math.max(1, Math.ceil((weeks.length * 64) / Math.max(1, u.width - 100)));
  return weeks.filter((_, i) => i % every === 0);
}

interface Labels {
  date: string;
  answers: string;
  csat: string;
}

export function chartOptions(
  width: number,
  height: number,
  stepDays: number,
  f: Format,
  labels: Labels,
): uPlot.Options {
  const half = (stepDays * 86_400) / 2;
  const axis = {
    stroke: CHART_COLORS.axis,
    font: FONT,
    grid: { stroke: CHART_COLORS.grid, width: 1 },
    ticks: { show: false },
  };
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    cursor: { points: { size: 8 }, drag: { x: false, y: false } },
    legend: { show: true, live: true },
    scales: {
      x: { time: true, range: (_u, min, max) => [min - half, max + half] },
      n: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] },
      pct: { range: [0, 100] },
    },
    series: [
      { label: labels.date, value: (_u, v) => (v == null ? "—" : f.day(dateOf(v), true)) },
      {
        label: labels.answers,
        scale: "n",
        stroke: CHART_COLORS.barsEdge,
        fill: CHART_COLORS.bars,
        width: 1,
        paths: uPlot.paths.bars!({ size: [0.72, 56], align: 0 }),
        points: { show: false },
        // an empty day is drawn without a bar (null) but still reads 0 under the cursor
        value: (_u, v, _series, idx) => (idx == null ? "—" : f.int(v ?? 0)),
      },
      {
        label: labels.csat,
        scale: "pct",
        stroke: CHART_COLORS.csat,
        width: 2,
        spanGaps: true,
        points: { size: 5, fill: "#ffffff" }, // uPlot shows them only where they fit
        value: (_u, v) => (v == null ? "—" : f.percent(v)),
      },
    ],
    axes: [
      {
        ...axis,
        space: 64,
        // weeks are labelled by their Monday, the points themselves; days get uPlot's spacing
        ...(stepDays === 7 ? { splits: weekSplits } : {}),
        values: (_u, splits) => splits.map((s) => f.day(dateOf(s))),
      },
      {
        ...axis,
        scale: "n",
        size: 44,
        values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? f.int(s) : "")),
      },
      {
        ...axis,
        scale: "pct",
        side: 1,
        size: 48,
        grid: { show: false },
        values: (_u, splits) => splits.map((s) => `${s} %`),
      },
    ],
  };
}
