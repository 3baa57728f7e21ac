/**
 * While the local stack loads the demo's past in the background (`npm start`'s first start), a note on top of
 * every page with how far it is (then, at 100 %, that the past's follow-ups are being sent); when it is all
 * done, `onLoaded` runs so the page shows the whole past without a reload. /v1/health says so (its `demoHistory`); a deployment never loads one, and the note never shows.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { health } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./demo-history.module.css";

/** How often to ask while the past loads: the figures move every second or two. */
const POLL_MS = 2_000;

export function DemoHistoryNote({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useI18n();
  const [percent, setPercent] = useState<number | undefined>(undefined);
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;

  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seenLoading = false;
    const ask = async () => {
      const loading = await health(stop.signal).then(
        (h) => h.demoHistory,
        () => (stop.signal.aborted ? undefined : ("unknown" as const)),
      );
      if (stop.signal.aborted) return;
      if (loading === "unknown") {
        // The server is busy or away: ask again later, keep what is shown.
        if (seenLoading) timer = setTimeout(ask, POLL_MS);
        return;
      }
      if (loading) {
        seenLoading = true;
        setPercent(loading.planned ? Math.floor((100 * loading.stored) / loading.planned) : 0);
        timer = setTimeout(ask, POLL_MS);
      } else {
        setPercent(undefined);
        if (seenLoading) loaded.current();
      }
    };
    void ask();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, []);

  if (percent === undefined) return null;
  return (
    <p class={styles.note} role="status" data-testid="demo-history-loading">
      <span class={styles.spinner} aria-hidden="true" />
      {percent >= 100 ? t.demoHistory.followUps : t.demoHistory.loading(percent)}
    </p>
  );
}
