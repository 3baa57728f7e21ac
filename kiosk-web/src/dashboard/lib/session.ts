/**
 * What the dashboard remembers: the sign-in only for this tab (sessionStorage, so closing the tab signs
 * out) and the chosen language across visits (localStorage).
 */
import type { LoginResponse } from "@sonrisa/shared/schemas/auth";
import type { Lang } from "@sonrisa/shared/schemas/common";

export type Session = LoginResponse & { email: string };

const SESSION_KEY = "sonrisa.dashboard.session";
const LANG_KEY = "sonrisa.dashboard.lang";

export function loadSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null") as Session | null;
    if (!session?.token || Date.parse(session.expiresAt) <= Date.now()) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export function savedLang(): Lang | undefined {
  const lang = localStorage.getItem(LANG_KEY);
  return lang === "es" || lang === "en" ? lang : undefined;
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}
