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
  loyalty: `${BASE}/loyalty`,
} as const;
