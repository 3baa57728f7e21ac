/**
 * The dashboard's place in the URL, so a reload or a shared link opens the same view:
 * `/dashboard[/stores/{id} | /rules | /kiosks]?range=30` or `?from=…&to=…`, plus `&misuse=1`.
 */
import { useEffect, useState } from "preact/hooks";
import { DEFAULT_CHOICE, isValidRange, PRESETS, type Preset, type RangeChoice } from "./range.ts";

export type View = { name: "overview" } | { name: "store"; storeId: string } | { name: "rules" } | { name: "kiosks" };

export interface Place {
  view: View;
  choice: RangeChoice;
  misuse: boolean;
}

const BASE = "/dashboard";

export function parsePlace(pathname: string, search: string): Place {
  const path = pathname.replace(/\/+$/, "").slice(BASE.length);
  const store = /^\/stores\/([^/]+)$/.exec(path);
  const view: View = store
    ? { name: "store", storeId: decodeURIComponent(store[1]!) }
    : path === "/rules"
      ? { name: "rules" }
      : path === "/kiosks"
        ? { name: "kiosks" }
        : { name: "overview" };
  const params = new URLSearchParams(search);
  const from = params.get("from");
  const to = params.get("to");
  const preset = Number(params.get("range"));
  const choice: RangeChoice =
    from && to && isValidRange({ from, to })
      ? { custom: { from, to } }
      : PRESETS.includes(preset as Preset)
        ? { preset: preset as Preset }
        : DEFAULT_CHOICE;
  return { view, choice, misuse: params.get("misuse") === "1" };
}

export function hrefOf(place: Place): string {
  const { view } = place;
  const path =
    view.name === "store"
      ? `/stores/${encodeURIComponent(view.storeId)}`
      : view.name === "overview"
        ? ""
        : `/${view.name}`;
  const params = new URLSearchParams();
  if ("custom" in place.choice) {
    params.set("from", place.choice.custom.from);
    params.set("to", place.choice.custom.to);
  } else if (place.choice.preset !== (DEFAULT_CHOICE as { preset: Preset }).preset) {
    params.set("range", String(place.choice.preset));
  }
  if (place.misuse) params.set("misuse", "1");
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ""}`;
}

/** The current place and a way to move; moves push a history entry so Back works. */
export function usePlace(): [Place, (next: Partial<Place>) => void] {
  const [place, setPlace] = useState(() => parsePlace(location.pathname, location.search));
  useEffect(() => {
    const onPop = () => setPlace(parsePlace(location.pathname, location.search));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const go = (next: Partial<Place>) => {
    const target = { ...place, ...next };
    const href = hrefOf(target);
    if (href !== location.pathname + location.search) history.pushState(null, "", href);
    setPlace(target);
    if (next.view) scrollTo({ top: 0 });
  };
  return [place, go];
}
