/** Loads something when its inputs change, cancels the stale request, and offers a retry. */
import { useEffect, useState } from "preact/hooks";

export type Resource<T> =
  | { state: "loading"; data?: T }
  | { state: "ready"; data: T }
  | { state: "error"; error: unknown; data?: T };

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, inputs: unknown[]) {
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResource((r) => ({ state: "loading", data: r.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource((r) => ({ state: "error", error, data: r.data }));
      },
    );
    return () => controller.abort();
  }, [...inputs, attempt]);
  return { resource, retry: () => setAttempt((n) => n + 1) };
}
