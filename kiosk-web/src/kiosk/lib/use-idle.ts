/** Calls `onIdle` after `ms` without a touch, key or input anywhere on the page; any of them restarts the wait. */
import { useEffect, useRef } from "preact/hooks";

export function useIdle(ms: number | undefined, onIdle: () => void, resetKey: unknown): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (ms === undefined) return;
    let timer = setTimeout(fire, ms);
    function fire(): void {
      callback.current();
    }
    function restart(): void {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    }
    const events = ["pointerdown", "keydown", "input"] as const;
    for (const e of events) document.addEventListener(e, restart, true);
    return () => {
      clearTimeout(timer);
      for (const e of events) document.removeEventListener(e, restart, true);
    };
  }, [ms, resetKey]);
}
