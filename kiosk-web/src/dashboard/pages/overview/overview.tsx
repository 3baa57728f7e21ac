/** All stores side by side for the period, ranked so a handful of answers cannot win by luck. */
import { RANKING_METHOD } from "@sonrisa/shared/scoring";
import { ExportButton } from "../../components/export-button/export-button.tsx";
import { Panel } from "../../components/panel/panel.tsx";
import { Status } from "../../components/status/status.tsx";
import { StoresTable } from "../../components/stores-table/stores-table.tsx";
import type { DashboardApi, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { DateRange } from "../../lib/range.ts";
import { hrefOf, type Place } from "../../lib/use-location.ts";
import { useResource } from "../../lib/use-resource.ts";
import styles from "./overview.module.css";

interface Props {
  api: DashboardApi;
  range: DateRange;
  misuse: boolean;
  stores: Store[];
  place: Place;
  go: (next: Partial<Place>) => void;
  isAdmin: boolean;
}

export function Overview({ api, range, misuse, place, go, isAdmin }: Props) {
  const { t } = useI18n();
  const { resource, retry } = useResource(
    (signal) => api.allResults(range, misuse, signal),
    [api, range.from, range.to, misuse],
  );
  const results = resource.data;
  return (
    <>
      <div class={styles.head}>
        <h1>{t.overview.title}</h1>
        <ExportButton api={api} range={range} label={t.overview.export} isAdmin={isAdmin} />
      </div>
      <Panel id="ranking" title={t.overview.tableLabel}>
        {results && resource.state !== "error" ? (
          <div aria-busy={resource.state === "loading"} class={resource.state === "loading" ? styles.stale : undefined}>
            <StoresTable
              rows={results.stores}
              hrefFor={(storeId) => hrefOf({ ...place, view: { name: "store", storeId } })}
              open={(storeId) => go({ view: { name: "store", storeId } })}
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
