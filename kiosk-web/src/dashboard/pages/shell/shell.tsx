/** The signed-in dashboard: top bar, filters and the page the URL names; loads the store list once. */
import { useMemo } from "preact/hooks";
import { Filters } from "../../components/filters/filters.tsx";
import { Status } from "../../components/status/status.tsx";
import { TopBar } from "../../components/top-bar/top-bar.tsx";
import { dashboardApi } from "../../lib/api.ts";
import { latestToday, rangeOf } from "../../lib/range.ts";
import type { Session } from "../../lib/session.ts";
import { usePlace } from "../../lib/use-location.ts";
import { useResource } from "../../lib/use-resource.ts";
import { Kiosks } from "../kiosks/kiosks.tsx";
import { Overview } from "../overview/overview.tsx";
import { Rules } from "../rules/rules.tsx";
import { StorePage } from "../store/store.tsx";
import styles from "./shell.module.css";

interface Props {
  session: Session;
  onSignOut: () => void;
  onAuthLost: () => void;
}

export function Shell({ session, onSignOut, onAuthLost }: Props) {
  const api = useMemo(() => dashboardApi(session.token, onAuthLost), [session.token, onAuthLost]);
  const [place, go] = usePlace();
  const { resource: stores, retry } = useResource((signal) => api.stores(signal), [api]);
  const isAdmin = session.role === "admin";

  const list = stores.data ?? [];
  const today = latestToday(list.map((s) => s.timeZone));
  const range = rangeOf(place.choice, today);
  const view = place.view.name === "kiosks" && !isAdmin ? { name: "overview" as const } : place.view;
  const firstStore = list[0]?.storeId;

  return (
    <div class={styles.shell}>
      <TopBar session={session} place={place} go={go} firstStore={firstStore} onSignOut={onSignOut} />
      {(view.name === "overview" || view.name === "store") && (
        <Filters choice={place.choice} range={range} today={today} misuse={place.misuse} go={go} />
      )}
      <main class={styles.main} id="main">
        {!stores.data ? (
          <Status resource={stores} onRetry={retry} />
        ) : view.name === "overview" ? (
          <Overview
            api={api}
            range={range}
            misuse={place.misuse}
            stores={list}
            place={place}
            go={go}
            isAdmin={isAdmin}
          />
        ) : view.name === "store" ? (
          <StorePage
            api={api}
            range={range}
            misuse={place.misuse}
            stores={list}
            storeId={view.storeId}
            go={go}
            isAdmin={isAdmin}
          />
        ) : view.name === "rules" ? (
          <Rules api={api} stores={list} />
        ) : (
          <Kiosks api={api} stores={list} />
        )}
      </main>
    </div>
  );
}
