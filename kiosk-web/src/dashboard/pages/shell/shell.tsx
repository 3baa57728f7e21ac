/**
 * The signed-in dashboard: top bar, filters and the page the URL names (preact-iso's router; one folder per
 * page under pages/); loads the store list once. A page only some roles see is routed for those roles only.
 */

import { useMemo } from "preact/hooks";
import { Route, Router, useLocation } from "preact-iso";
import { Filters } from "../../components/filters/filters.tsx";
import { Status } from "../../components/status/status.tsx";
import { type Section, TopBar } from "../../components/top-bar/top-bar.tsx";
import { dashboardApi } from "../../lib/api.ts";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import { latestToday, rangeOf } from "../../lib/range.ts";
import type { Session } from "../../lib/session.ts";
import { useResource } from "../../lib/use-resource.ts";
import { Account } from "../account/account.tsx";
import { Alerts } from "../alerts/alerts.tsx";
import { Contacts } from "../contacts/contacts.tsx";
import { Effect } from "../effect/effect.tsx";
import { FollowUps } from "../follow-ups/follow-ups.tsx";
import { Kiosks } from "../kiosks/kiosks.tsx";
import { Live } from "../live/live.tsx";
import { Overview } from "../overview/overview.tsx";
import type { PageProps } from "../page-props.ts";
import { People } from "../people/people.tsx";
import { Rules } from "../rules/rules.tsx";
import { StaffPins } from "../staff-pins/staff-pins.tsx";
import { StorePage } from "../store/store.tsx";
import { StoreSettingsPage } from "../store-settings/store-settings.tsx";
import { Stores } from "../stores/stores.tsx";
import styles from "./shell.module.css";

interface Props {
  session: Session;
  onSignOut: () => void;
  onAuthLost: () => void;
  /** A new session for the same user (after a password change). */
  onRenewed?: (session: Session) => void;
}

export function Shell({ session, onSignOut, onAuthLost, onRenewed }: Props) {
  const { t } = useI18n();
  const api = useMemo(() => dashboardApi(session.token, onAuthLost), [session.token, onAuthLost]);
  const { path } = useLocation();
  const { filters } = useFilters();
  const { resource: stores, retry } = useResource((signal) => api.stores(signal), [api]);
  const isAdmin = session.role === "admin";
  const isManager = session.role === "manager";
  const runsStores = isAdmin || isManager;

  const list = stores.data ?? [];
  const today = latestToday(list.map((s) => s.timeZone));
  const page: PageProps = {
    api,
    session,
    stores: list,
    range: rangeOf(filters.choice, today),
    misuse: filters.misuse,
    renewSession: onRenewed,
    reloadStores: retry,
  };
  const storeInPath = /^\/dashboard\/stores\/([^/]+)/.exec(path)?.[1];
  const store = storeInPath ? decodeURIComponent(storeInPath) : list[0]?.storeId;

  const sections: Section[] = [
    { label: t.nav.overview, href: paths.overview, current: path === paths.overview },
    ...(store ? [{ label: t.nav.store, href: paths.store(store), current: Boolean(storeInPath) }] : []),
    ...(isManager ? [] : [{ label: t.nav.rules, href: paths.rules, current: path === paths.rules }]),
    ...(runsStores ? [{ label: t.nav.kiosks, href: paths.kiosks, current: path === paths.kiosks }] : []),
    ...(runsStores ? [{ label: t.nav.staffPins, href: paths.staffPins, current: path === paths.staffPins }] : []),
    ...(isAdmin
      ? [
          {
            label: t.nav.stores,
            href: paths.storesAdmin,
            current: path.startsWith(paths.storesAdmin) || path === paths.newStore,
          },
        ]
      : []),
    ...(isAdmin ? [{ label: t.nav.people, href: paths.people, current: path === paths.people }] : []),
    ...(isManager
      ? []
      : [
          { label: t.nav.contacts, href: paths.contacts, current: path === paths.contacts },
          { label: t.nav.followUps, href: paths.followUps, current: path === paths.followUps },
          { label: t.nav.effect, href: paths.effect(), current: path.startsWith(paths.effect()) },
        ]),
    { label: t.nav.alerts, href: paths.alerts, current: path === paths.alerts },
  ];
  const liveStore = /^\/dashboard\/live\/([^/]+)/.exec(path)?.[1];
  if (liveStore) {
    // Full screen for a TV: no bars, no filters.
    return stores.data ? (
      <Live {...page} storeId={decodeURIComponent(liveStore)} />
    ) : (
      <main class={styles.main} id="main">
        <Status resource={stores} onRetry={retry} />
      </main>
    );
  }
  const withFilters = path === paths.overview || Boolean(storeInPath) || path === paths.followUps;

  return (
    <div class={styles.shell}>
      <TopBar session={session} sections={sections} onSignOut={onSignOut} />
      {withFilters && <Filters range={page.range} today={today} />}
      <main class={styles.main} id="main">
        {!stores.data ? (
          <Status resource={stores} onRetry={retry} />
        ) : (
          <Router onRouteChange={() => scrollTo({ top: 0 })}>
            <Route path={paths.overview} component={Overview} {...page} />
            <Route path="/dashboard/stores/:storeId" component={StorePage} {...page} />
            <Route path={paths.rules} component={isManager ? Overview : Rules} {...page} />
            <Route path={paths.kiosks} component={runsStores ? Kiosks : Overview} {...page} />
            <Route path={paths.staffPins} component={runsStores ? StaffPins : Overview} {...page} />
            <Route path={paths.people} component={isAdmin ? People : Overview} {...page} />
            <Route path={paths.account} component={Account} {...page} />
            <Route path={paths.contacts} component={isManager ? Overview : Contacts} {...page} />
            <Route path={paths.followUps} component={isManager ? Overview : FollowUps} {...page} />
            <Route path={paths.alerts} component={Alerts} {...page} />
            <Route path={paths.effect()} component={isManager ? Overview : Effect} {...page} />
            <Route path="/dashboard/effect/:ruleId" component={isManager ? Overview : Effect} {...page} />
            <Route path={paths.storesAdmin} component={isAdmin ? Stores : Overview} {...page} />
            <Route path={paths.newStore} component={isAdmin ? StoreSettingsPage : Overview} {...page} />
            <Route
              path="/dashboard/settings/stores/:storeId"
              component={isAdmin ? StoreSettingsPage : Overview}
              {...page}
            />
            <Route default component={Overview} {...page} />
          </Router>
        )}
      </main>
    </div>
  );
}
