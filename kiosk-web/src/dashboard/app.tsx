/** The dashboard page: sign-in until there is a session, then the shell; owns the language and the session. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useEffect, useMemo, useState } from "preact/hooks";
import { formatFor } from "./lib/format.ts";
import { I18nContext } from "./lib/i18n.ts";
import { clearSession, loadSession, type Session, savedLang, saveLang, saveSession } from "./lib/session.ts";
import { browserLang, messagesFor } from "./messages.ts";
import { Shell } from "./pages/shell/shell.tsx";
import { SignIn } from "./pages/sign-in/sign-in.tsx";

export function App() {
  const [lang, setLang] = useState<Lang>(() => savedLang() ?? browserLang());
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [ended, setEnded] = useState(false);
  const i18n = useMemo(
    () => ({
      lang,
      t: messagesFor(lang),
      f: formatFor(lang),
      setLang: (l: Lang) => {
        saveLang(l);
        setLang(l);
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${i18n.t.product} · ${i18n.t.area}`;
  }, [lang, i18n]);

  const signOut = (expired: boolean) => {
    clearSession();
    setEnded(expired);
    setSession(undefined);
  };
  const signIn = (next: Session) => {
    saveSession(next);
    setEnded(false);
    setSession(next);
  };

  return (
    <I18nContext.Provider value={i18n}>
      {session ? (
        <Shell session={session} onSignOut={() => signOut(false)} onAuthLost={() => signOut(true)} />
      ) : (
        <SignIn ended={ended} onSignedIn={signIn} />
      )}
    </I18nContext.Provider>
  );
}
