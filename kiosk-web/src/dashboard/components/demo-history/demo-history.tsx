/**
 * While the local stack loads the demo's past in the background (`npm start`'s first start), a note on top of
 * every page with how far it is, then that the past's follow-ups are being sent; `onLoaded` runs when the
 * answers are in and again when it is all done, so the page shows the past without a reload. /v1/health says
 * so (its `demoHistory`); a deployment never loads one, and the note never shows.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { health } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./demo-history.module.css";

/** How often to ask while the past loads: the figures move every second or two. */
const POLL_MS = 2_000;

export function DemoHistoryNote({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<{ stage: "answers" | "follow-ups"; percent: number } | undefined>(undefined);
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;

  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seenLoading = false;
    let answersIn = false;
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
        const percent = loading.planned ? Math.floor((100 * loading.stored) / loading.planned) : 0;
        setShown({ stage: loading.stage, percent });
        // The answers are in: the page shows them now, and again once the follow-ups are sent too.
        if (loading.stage === "follow-ups" && !answersIn) {
          answersIn = true;
          loaded.current();
        }
        timer = setTimeout(ask, POLL_MS);
      } else {
        setShown(undefined);
        if (seenLoading) loaded.current();
      }
    };
    void ask();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, []);

  if (!shown) return null;
  return (
    <p class={styles.note} role="status" data-testid="demo-history-loading" data-stage={shown.stage}>
      <span class={styles.spinner} aria-hidden="true" />
      {shown.stage === "follow-ups" ? t.demoHistory.followUps : t.demoHistory.loading(shown.percent)}
    </p>
  );
}
