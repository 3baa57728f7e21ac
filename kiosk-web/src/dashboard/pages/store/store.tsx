/** One store over the period: key figures, trend, distribution, day × hour, reasons, comments and export. */

import { useLocation } from "preact-iso";
import { Comments } from "../../components/comments/comments.tsx";
import { Distribution } from "../../components/distribution/distribution.tsx";
import { ExportButton } from "../../components/export-button/export-button.tsx";
import { Heatmap } from "../../components/heatmap/heatmap.tsx";
import { KpiTiles } from "../../components/kpi-tiles/kpi-tiles.tsx";
import { MemberFigures } from "../../components/member-figures/member-figures.tsx";
import { Panel } from "../../components/panel/panel.tsx";
import { Reasons } from "../../components/reasons/reasons.tsx";
import { SeriesChart } from "../../components/series-chart/series-chart.tsx";
import { Status } from "../../components/status/status.tsx";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import { useResource } from "../../lib/use-resource.ts";
import { loyaltyMessages } from "../loyalty/messages.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./store.module.css";

export function StorePage({ api, range, misuse, stores, session, storeId }: PageProps & { storeId: string }) {
  const { t, lang } = useI18n();
  const { route } = useLocation();
  const { hrefTo } = useFilters();
  const isAdmin = session.role === "admin";
  const store = stores.find((s) => s.storeId === storeId);
  const { resource, retry } = useResource(
    (signal) => api.storeResults(storeId, range, misuse, signal),
    [api, storeId, range.from, range.to, misuse],
  );
  const results = resource.data?.storeId === storeId ? resource.data : undefined;

  return (
    <>
      <div class={styles.head}>
        <div class={styles.title}>
          <label class={styles.picker}>
            <span>{t.store.pick}</span>
            <select value={storeId} onChange={(e) => route(hrefTo(paths.store(e.currentTarget.value)))}>
              {stores.map((s) => (
                <option key={s.storeId} value={s.storeId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <h1>{store?.name ?? storeId}</h1>
          {store && <p class={styles.zone}>{t.store.zone(store.timeZone)}</p>}
        </div>
        {session.role !== "manager" && (
          <ExportButton api={api} range={range} storeId={storeId} label={t.store.export} isAdmin={isAdmin} />
        )}
      </div>
      {!results || resource.state === "error" ? (
        <Status resource={resource} onRetry={retry} />
      ) : (
        <div class={resource.state === "loading" ? styles.stale : styles.body} aria-busy={resource.state === "loading"}>
          <KpiTiles results={results} />
          {results.total === 0 && <p class={styles.empty}>{t.store.empty}</p>}
          <div class={styles.grid}>
            <Panel id="series" title={t.store.series} wide>
              <SeriesChart results={results} />
            </Panel>
            <Panel id="distribution" title={t.store.distribution}>
              <Distribution counts={results.counts} total={results.total} scale={store?.scale} />
            </Panel>
            <Panel id="reasons" title={t.store.reasons}>
              <Reasons reasons={results.reasons} store={store} />
            </Panel>
            <Panel id="members" title={loyaltyMessages(lang).results}>
              <MemberFigures members={results.members} />
            </Panel>
            <Panel id="heatmap" title={t.store.heatmap} wide>
              <Heatmap heatmap={results.heatmap} />
            </Panel>
            {store && (
              <Panel id="comments" title={t.store.comments} wide>
                <Comments api={api} store={store} range={range} />
              </Panel>
            )}
          </div>
        </div>
      )}
    </>
  );
}
