/**
 * Where the console keeps what it remembers: the staff token only for this tab (sessionStorage, so closing
 * the tab signs out), the stores used on this device and the chosen language across visits (localStorage).
 */
import type { Lang } from "@sonrisa/shared/schemas/common";

export interface Session {
  token: string;
  storeId: string;
  expiresAt: string;
  /** Who is at the counter, recorded with each hand-over. */
  staffName?: string;
  /** Set when a named staff member signed in with their own PIN: the server knows who it is. */
  staffId?: string;
}

const SESSION_KEY = "sonrisa.staff.session";
const STORES_KEY = "sonrisa.staff.stores";
const LANG_KEY = "sonrisa.staff.lang";

export function loadSession(): Session | undefined {
  const session = readJson<Session>(sessionStorage, SESSION_KEY);
  if (!session || Date.parse(session.expiresAt) <= Date.now()) return undefined;
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  const stores = [session.storeId, ...knownStores().filter((s) => s !== session.storeId)].slice(0, 10);
  localStorage.setItem(STORES_KEY, JSON.stringify(stores));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Stores signed into on this device, the last one first. */
export function knownStores(): string[] {
  const stores = readJson<unknown>(localStorage, STORES_KEY);
  return Array.isArray(stores) ? stores.filter((s): s is string => typeof s === "string") : [];
}

export function savedLang(): Lang | undefined {
  const lang = localStorage.getItem(LANG_KEY);
  return lang === "es" || lang === "en" ? lang : undefined;
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}

function readJson<T>(storage: Storage, key: string): T | undefined {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}
