/**
 * Full screen, for a TV at an event's stand: today's answers, index, CSAT and faces of one store, read
 * again every few seconds. The store's own local day; no filters, no navigation bar.
 */
import type { ScoreCounts } from "@sonrisa/shared/schemas/results";
import { facesFor } from "@sonrisa/shared/scoring";
import { localParts } from "@sonrisa/shared/time";
import { useEffect, useState } from "preact/hooks";
import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { useNow } from "../../../common/use-now.ts";
import { FaceIcon } from "../../../kiosk/components/face/face.tsx";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./live.module.css";

/** How often the figures are read again. */
export const LIVE_REFRESH_MS = 5_000;

export function Live({ api, stores, storeId }: PageProps & { storeId: string }) {
  const { t, f, lang, setLang } = useI18n();
  const l = t.live;
  const store = stores.find((s) => s.storeId === storeId);
  const now = useNow(LIVE_REFRESH_MS);
  const zone = store?.timeZone ?? "UTC";
  const today = localParts(new Date(now), zone).date;
  const { resource } = useResource(
    (signal) => api.storeResults(storeId, { from: today, to: today }, false, signal),
    [api, storeId, today, now],
  );
  const [updatedAt, setUpdatedAt] = useState<number>();
  useEffect(() => {
    if (resource.state === "ready") setUpdatedAt(Date.now());
  }, [resource]);
  const [full, setFull] = useState(false);
  useEffect(() => {
    const sync = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  useEffect(() => {
    if (store) document.title = `${l.title(store.name)} · ${t.product}`;
  }, [store, l, t]);

  if (!store) {
    return (
      <main class={styles.live} id="main">
        <p class={styles.missing}>{l.noStore}</p>
        <a class={styles.control} href={paths.overview}>
          {l.back}
        </a>
      </main>
    );
  }
  const results = resource.data;
  const counts: ScoreCounts = results?.counts ?? { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  const faces = facesFor(store.scale).reverse();
  const max = Math.max(1, ...faces.map((s) => counts[String(s) as keyof ScoreCounts]));
  const time = updatedAt
    ? new Intl.DateTimeFormat(f.locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(updatedAt)
    : "";

  return (
    <main class={styles.live} id="main" aria-busy={!results}>
      <header class={styles.head}>
        <div>
          <h1>{store.name}</h1>
          <p class={styles.date}>
            {l.today(f.day(today, true))}
            {store.event && <> · {l.event(f.day(store.event.start), f.day(store.event.end, true))}</>}
          </p>
        </div>
        <div class={styles.controls} data-full={full}>
          <LangSwitch lang={lang} label={t.langSwitch} onChange={setLang} compact />
          <button
            type="button"
            class={styles.control}
            onClick={() =>
              full ? void document.exitFullscreen() : void document.documentElement.requestFullscreen?.()
            }
          >
            {full ? l.exitFullscreen : l.fullscreen}
          </button>
          <a class={styles.control} href={paths.storesAdmin}>
            {l.back}
          </a>
        </div>
      </header>
      <dl class={styles.kpis}>
        <div class={styles.main}>
          <dt>{l.answers}</dt>
          <dd data-kpi="answers">{results ? f.int(results.total) : t.none}</dd>
        </div>
        <div>
          <dt>{l.index}</dt>
          <dd data-kpi="index">{results ? f.score(results.index) : t.none}</dd>
        </div>
        <div>
          <dt>{l.csat}</dt>
          <dd data-kpi="csat">{results ? f.percent(results.csat) : t.none}</dd>
        </div>
      </dl>
      <section class={styles.faces} aria-labelledby="live-faces">
        <h2 id="live-faces" class="sr-only">
          {l.faces}
        </h2>
        <ul>
          {faces.map((score) => {
            const n = counts[String(score) as keyof ScoreCounts];
            return (
              <li key={score} data-score={score}>
                <span class={styles.face}>
                  <FaceIcon score={score} />
                </span>
                <span class={styles.track} aria-hidden="true">
                  <span style={{ height: `${(n / max) * 100}%` }} />
                </span>
                <span class={styles.count}>
                  <span class="sr-only">{t.store.scores[score as 1 | 2 | 3 | 4 | 5]}: </span>
                  {f.int(n)}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <p class={styles.updated} role="status">
        <span class={resource.state === "error" ? styles.dotStale : styles.dot} aria-hidden="true" />
        {resource.state === "error" ? l.stale : time ? l.updated(time) : t.loading}
      </p>
    </main>
  );
}
