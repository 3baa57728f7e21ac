/** All stores side by side for the period, ranked so a handful of answers cannot win by luck. */
import { RANKING_METHOD } from "@sonrisa/shared/scoring";
import { useLocation } from "preact-iso";
import { ExportButton } from "../../components/export-button/export-button.tsx";
import { Panel } from "../../components/panel/panel.tsx";
import { Status } from "../../components/status/status.tsx";
import { StoresTable } from "../../components/stores-table/stores-table.tsx";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./overview.module.css";

export function Overview({ api, range, misuse, session }: PageProps) {
  const { t } = useI18n();
  const { route } = useLocation();
  const { hrefTo } = useFilters();
  const isAdmin = session.role === "admin";
  const { resource, retry } = useResource(
    (signal) => api.allResults(range, misuse, signal),
    [api, range.from, range.to, misuse],
  );
  const results = resource.data;
  return (
    <>
      <div class={styles.head}>
        <h1>{t.overview.title}</h1>
        {session.role !== "manager" && (
          <ExportButton api={api} range={range} label={t.overview.export} isAdmin={isAdmin} />
        )}
      </div>
      <Panel id="ranking" title={t.overview.tableLabel}>
        {results && resource.state !== "error" ? (
          <div aria-busy={resource.state === "loading"} class={resource.state === "loading" ? styles.stale : undefined}>
            <StoresTable
              rows={results.stores}
              hrefFor={(storeId) => hrefTo(paths.store(storeId))}
              open={(storeId) => route(hrefTo(paths.store(storeId)))}
            />
            <p class={styles.method}>
              {results.method === RANKING_METHOD ? (
                <>
                  <strong>{t.overview.method}</strong> {t.overview.methodWhy}
                </>
              ) : (
                results.method
              )}
            </p>
          </div>
        ) : (
          <Status resource={resource} onRetry={retry} />
        )}
      </Panel>
    </>
  );
}
