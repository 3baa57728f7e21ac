/**
 * Every page of the signed-in dashboard, in one list: its route, who may open it, and where its link sits in
 * the navigation. Adding a page is one entry here (and its words in messages.ts); the shell builds both the
 * router and the navigation from this list. Pages load on first visit (lazyPage), so the dashboard's first
 * download holds only the shell and the overview.
 */
import type { ComponentType } from "preact";
import { lazyPage } from "../components/lazy-page/lazy-page.tsx";
import { BASE, paths } from "../lib/paths.ts";
import type { Session } from "../lib/session.ts";
import { Overview } from "./overview/overview.tsx";
import type { PageProps } from "./page-props.ts";

export type Role = Session["role"];
/** The navigation's groups, in the order they are shown. */
export const NAV_GROUPS = ["results", "campaigns", "settings"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];
/** A link's words: its key in the catalogue's `nav`. */
export type NavKey =
  | "overview"
  | "store"
  | "alerts"
  | "rules"
  | "followUps"
  | "contacts"
  | "loyalty"
  | "effect"
  | "integrations"
  | "stores"
  | "kiosks"
  | "staffPins"
  | "people";

export interface PageEntry {
  /** The route, with `:name` parameters as preact-iso reads them. */
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: pages take PageProps plus their route's parameters
  component: ComponentType<PageProps & any>;
  /** Who may open it; the others get the overview at that address. Everyone when absent. */
  roles?: readonly Role[];
  /** Show the period and misuse filters above it. */
  filters?: boolean;
  /** Its link in the navigation; absent for pages reached from other pages (a store's settings, the account). */
  nav?: {
    key: NavKey;
    group: NavGroup;
    /** Where the link goes, when not `path` (undefined hides the link, e.g. no store yet). */
    href?: (at: NavContext) => string | undefined;
    /** Whether the link is the current page; default: the path is `path`. */
    current?: (path: string) => boolean;
  };
}

/** What a link may depend on: the store in the address, or else the first one the user sees. */
export interface NavContext {
  store?: string;
}

const StoreSettings = lazyPage(() => import("./store-settings/store-settings.tsx").then((m) => m.StoreSettingsPage));
const EffectPage = lazyPage(() => import("./effect/effect.tsx").then((m) => m.Effect));
const ADMIN: readonly Role[] = ["admin"];
const RUNS_STORES: readonly Role[] = ["admin", "manager"];
const MARKETS: readonly Role[] = ["admin", "marketing"];

export const PAGES: readonly PageEntry[] = [
  { path: paths.overview, component: Overview, filters: true, nav: { key: "overview", group: "results" } },
  {
    path: `${BASE}/stores/:storeId`,
    component: lazyPage(() => import("./store/store.tsx").then((m) => m.StorePage)),
    filters: true,
    nav: {
      key: "store",
      group: "results",
      href: ({ store }) => (store ? paths.store(store) : undefined),
      current: (path) => path.startsWith(`${BASE}/stores/`),
    },
  },
  {
    path: paths.alerts,
    component: lazyPage(() => import("./alerts/alerts.tsx").then((m) => m.Alerts)),
    nav: { key: "alerts", group: "results" },
  },
  {
    path: paths.rules,
    component: lazyPage(() => import("./rules/rules.tsx").then((m) => m.Rules)),
    roles: MARKETS,
    nav: { key: "rules", group: "campaigns" },
  },
  {
    path: paths.followUps,
    component: lazyPage(() => import("./follow-ups/follow-ups.tsx").then((m) => m.FollowUps)),
    roles: MARKETS,
    filters: true,
    nav: { key: "followUps", group: "campaigns" },
  },
  {
    path: paths.contacts,
    component: lazyPage(() => import("./contacts/contacts.tsx").then((m) => m.Contacts)),
    roles: MARKETS,
    nav: { key: "contacts", group: "campaigns" },
  },
  {
    path: paths.loyalty,
    component: lazyPage(() => import("./loyalty/loyalty.tsx").then((m) => m.Loyalty)),
    roles: MARKETS,
    nav: { key: "loyalty", group: "campaigns" },
  },
  {
    path: paths.effect(),
    component: EffectPage,
    roles: MARKETS,
    nav: { key: "effect", group: "campaigns", current: (path) => path.startsWith(paths.effect()) },
  },
  { path: `${BASE}/effect/:ruleId`, component: EffectPage, roles: MARKETS },
  {
    path: paths.storesAdmin,
    component: lazyPage(() => import("./stores/stores.tsx").then((m) => m.Stores)),
    roles: ADMIN,
    nav: {
      key: "stores",
      group: "settings",
      current: (path) => path.startsWith(paths.storesAdmin) || path === paths.newStore,
    },
  },
  {
    path: paths.kiosks,
    component: lazyPage(() => import("./kiosks/kiosks.tsx").then((m) => m.Kiosks)),
    roles: RUNS_STORES,
    nav: { key: "kiosks", group: "settings" },
  },
  {
    path: paths.staffPins,
    component: lazyPage(() => import("./staff-pins/staff-pins.tsx").then((m) => m.StaffPins)),
    roles: RUNS_STORES,
    nav: { key: "staffPins", group: "settings" },
  },
  {
    path: paths.people,
    component: lazyPage(() => import("./people/people.tsx").then((m) => m.People)),
    roles: ADMIN,
    nav: { key: "people", group: "settings" },
  },
  {
    path: paths.integrations,
    component: lazyPage(() => import("./integrations/integrations.tsx").then((m) => m.Integrations)),
    roles: ADMIN,
    nav: { key: "integrations", group: "settings" },
  },
  { path: paths.account, component: lazyPage(() => import("./account/account.tsx").then((m) => m.Account)) },
  {
    path: paths.newStore,
    component: StoreSettings,
    roles: ADMIN,
  },
  {
    path: `${BASE}/settings/stores/:storeId`,
    component: StoreSettings,
    roles: ADMIN,
  },
];

/** Whether `role` may open the page. */
export const allows = (entry: PageEntry, role: Role) => !entry.roles || entry.roles.includes(role);

/** The page a path opens, if any (parameters match any one segment). */
export function pageAt(path: string): PageEntry | undefined {
  return PAGES.find((entry) => new RegExp(`^${entry.path.replace(/:[^/]+/g, "[^/]+")}/?$`).test(path));
}
