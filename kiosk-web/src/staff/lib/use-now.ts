/** The current time, re-rendering every `everyMs`, for "expires in…" texts that must not go stale. */
import { useEffect, useState } from "preact/hooks";

export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
