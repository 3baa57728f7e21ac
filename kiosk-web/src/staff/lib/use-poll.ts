/** Calls `load` now and every `everyMs` while the page is visible; pauses when hidden, catches up on return. */
import { useEffect, useRef } from "preact/hooks";

export function usePoll(load: () => Promise<unknown>, everyMs: number): void {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let stopped = false;
    const visible = () => document.visibilityState === "visible";
    const tick = async () => {
      clearTimeout(timer);
      timer = undefined;
      if (running || stopped || !visible()) return;
      // The next call is planned after this one answers, so a slow server never gets overlapping polls.
      running = true;
      await latest.current().catch(() => undefined);
      running = false;
      if (!stopped && visible()) timer = setTimeout(tick, everyMs);
    };
    const onVisibility = () => (visible() ? void tick() : clearTimeout(timer));
    document.addEventListener("visibilitychange", onVisibility);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [everyMs]);
}
