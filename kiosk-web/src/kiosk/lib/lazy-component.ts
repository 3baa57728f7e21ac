/**
 * A component loaded on first render, for screens most kiosk starts never show (pairing, staff panel).
 * A few lines instead of preact/compat's lazy + Suspense; renders nothing until the chunk has arrived.
 */
import { type ComponentType, type FunctionComponent, h } from "preact";
import { useEffect, useState } from "preact/hooks";

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  return function Lazy(props: P) {
    const [, setReady] = useState(Boolean(loaded));
    useEffect(() => {
      if (loaded) return;
      loading ??= load().then((c) => {
        loaded = c;
      });
      void loading.then(() => setReady(true));
    }, []);
    return loaded ? h(loaded, props) : null;
  };
}
