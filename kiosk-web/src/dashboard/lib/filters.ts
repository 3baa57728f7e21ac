/**
 * What the dashboard keeps in the URL's query across pages, so a reload or a shared link opens the same view:
 * the period (`?range=30`, or `?from=…&to=…`) and whether repeated taps count (`&misuse=1`).
 */
import { useLocation } from "preact-iso";
import { DEFAULT_CHOICE, isValidRange, PRESETS, type Preset, type RangeChoice } from "./range.ts";

export interface Filters {
  choice: RangeChoice;
  misuse: boolean;
}

export function parseFilters(query: Record<string, string | undefined>): Filters {
  const { from, to } = query;
  const preset = Number(query.range);
  const choice: RangeChoice =
    from && to && isValidRange({ from, to })
      ? { custom: { from, to } }
      : PRESETS.includes(preset as Preset)
        ? { preset: preset as Preset }
        : DEFAULT_CHOICE;
  return { choice, misuse: query.misuse === "1" };
}

/** `?…` for the filters, or "" when they are the defaults. */
export function filtersQuery(filters: Filters): string {
  const params = new URLSearchParams();
  if ("custom" in filters.choice) {
    params.set("from", filters.choice.custom.from);
    params.set("to", filters.choice.custom.to);
  } else if (filters.choice.preset !== (DEFAULT_CHOICE as { preset: Preset }).preset) {
    params.set("range", String(filters.choice.preset));
  }
  if (filters.misuse) params.set("misuse", "1");
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The current filters, a way to change them (a history entry, so Back works) and links that keep them. */
export function useFilters() {
  const { path, query, route } = useLocation();
  const filters = parseFilters(query);
  return {
    filters,
    setFilters: (next: Partial<Filters>) => route(`${path}${filtersQuery({ ...filters, ...next })}`),
    /** A dashboard path with the current filters. */
    hrefTo: (to: string) => `${to}${filtersQuery(filters)}`,
  };
}
