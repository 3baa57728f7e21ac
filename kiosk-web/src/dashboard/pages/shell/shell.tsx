/**
 * The signed-in dashboard: top bar, the grouped navigation, filters and the page the URL names (preact-iso's
 * router over the list in pages.ts; one folder per page under pages/); loads the store list once. A page only
 * some roles see is routed for those roles only; the TV's full-screen live view has no bars.
 */

import { useMemo, useState } from "preact/hooks";
import { Route, Router, useLocation } from "preact-iso";
import { DemoHistoryNote } from "../../components/demo-history/demo-history.tsx";
import { Filters } from "../../components/filters/filters.tsx";
import { type NavSection, SideNav } from "../../components/side-nav/side-nav.tsx";
import { Status } from "../../components/status/status.tsx";
import { TopBar } from "../../components/top-bar/top-bar.tsx";
import { dashboardApi } from "../../lib/api.ts";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { latestToday, rangeOf } from "../../lib/range.ts";
import type { Session } from "../../lib/session.ts";
import { useResource } from "../../lib/use-resource.ts";
import { Live } from "../live/live.tsx";
import { Overview } from "../overview/overview.tsx";
import type { PageProps } from "../page-props.ts";
import { allows, NAV_GROUPS, type NavContext, PAGES, pageAt } from "../pages.ts";
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
  // The demo's past loaded in the background: the page is drawn again, reading everything anew.
  const [loadedAt, setLoadedAt] = useState(0);
  const pastLoaded = () => {
    setLoadedAt(Date.now());
    retry();
  };

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
  const at: NavContext = { store: storeInPath ? decodeURIComponent(storeInPath) : list[0]?.storeId };
  const sections = navSections(session.role, path, at, t);
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
  // A page this role may not open shows the overview, which has the filters.
  const opened = pageAt(path);
  const withFilters = !opened || !allows(opened, session.role) || Boolean(opened.filters);

  return (
    <div class={styles.shell}>
      <TopBar session={session} onSignOut={onSignOut} />
      <div class={styles.body}>
        <SideNav sections={sections} />
        <div class={styles.content}>
          {withFilters && <Filters range={page.range} today={today} />}
          <main class={styles.main} id="main">
            <DemoHistoryNote onLoaded={pastLoaded} />
            {!stores.data ? (
              <Status resource={stores} onRetry={retry} />
            ) : (
              <Router key={loadedAt} onRouteChange={() => scrollTo({ top: 0 })}>
                {PAGES.map((entry) => (
                  <Route
                    key={entry.path}
                    path={entry.path}
                    component={allows(entry, session.role) ? entry.component : Overview}
                    {...page}
                  />
                ))}
                <Route default component={Overview} {...page} />
              </Router>
            )}
          </main>
        </div>
      </div>
    </div>
  );
}

/** The navigation's groups with the links this role may follow, in the order of PAGES. */
function navSections(role: Session["role"], path: string, at: NavContext, t: ReturnType<typeof useI18n>["t"]) {
  const sections: NavSection[] = NAV_GROUPS.map((group) => ({ id: group, label: t.nav.groups[group], links: [] }));
  for (const entry of PAGES) {
    if (!entry.nav || !allows(entry, role)) continue;
    const href = entry.nav.href ? entry.nav.href(at) : entry.path;
    if (!href) continue;
    const current = entry.nav.current ? entry.nav.current(path) : path === entry.path;
    sections.find((s) => s.id === entry.nav!.group)!.links.push({ label: t.nav[entry.nav.key], href, current });
  }
  return sections.filter((s) => s.links.length > 0);
}
