/**
 * The language and the session of a signed-in page (staff console, dashboard): the language saved across
 * visits, the session kept where the page keeps it, and whether the last one ended on its own (expired or
 * revoked) so sign-in can say why.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useEffect, useState } from "preact/hooks";

/** Where a page keeps its language and session (its lib/session.ts). */
export interface PageStorage<S> {
  savedLang(): Lang | undefined;
  saveLang(lang: Lang): void;
  loadSession(): S | undefined;
  saveSession(session: S): void;
  clearSession(): void;
}

export function usePageState<S>(storage: PageStorage<S>, browserLang: () => Lang, titleOf: (lang: Lang) => string) {
  const [lang, setLang] = useState<Lang>(() => storage.savedLang() ?? browserLang());
  const [session, setSession] = useState<S | undefined>(storage.loadSession);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = titleOf(lang);
  }, [lang, titleOf]);

  return {
    lang,
    session,
    ended,
    setLang(next: Lang) {
      storage.saveLang(next);
      setLang(next);
    },
    signIn(next: S) {
      storage.saveSession(next);
      setEnded(false);
      setSession(next);
    },
    /** `expired`: the server ended it, not the user. */
    signOut(expired: boolean) {
      storage.clearSession();
      setEnded(expired);
      setSession(undefined);
    },
  };
}
