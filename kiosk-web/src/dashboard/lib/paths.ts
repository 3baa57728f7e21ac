/** The dashboard's paths, in one place; pages/shell/shell.tsx routes them. */
export const BASE = "/dashboard";

export const paths = {
  overview: BASE,
  store: (storeId: string) => `${BASE}/stores/${encodeURIComponent(storeId)}`,
  rules: `${BASE}/rules`,
  kiosks: `${BASE}/kiosks`,
  people: `${BASE}/people`,
  staffPins: `${BASE}/staff`,
  account: `${BASE}/account`,
  contacts: `${BASE}/contacts`,
  followUps: `${BASE}/follow-ups`,
  alerts: `${BASE}/alerts`,
  /** Admin: integration keys, webhook endpoints and their delivery log. */
  integrations: `${BASE}/integrations`,
  /** The effect of a rule against its holdout (no rule: the first one). */
  effect: (ruleId?: string) => `${BASE}/effect${ruleId ? `/${encodeURIComponent(ruleId)}` : ""}`,
  /** Admin: every store's settings, a new store, one store's settings. */
  storesAdmin: `${BASE}/settings/stores`,
  newStore: `${BASE}/settings/new-store`,
  storeSettings: (storeId: string) => `${BASE}/settings/stores/${encodeURIComponent(storeId)}`,
  /** Full screen, for a TV at an event's stand: today's count, index and faces. */
  live: (storeId: string) => `${BASE}/live/${encodeURIComponent(storeId)}`,
  loyalty: `${BASE}/loyalty`,
} as const;
