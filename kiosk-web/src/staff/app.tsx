/** The staff page: sign-in until there is a session, then the console; owns the language and the session. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useEffect, useMemo, useState } from "preact/hooks";
import { I18nContext } from "./lib/i18n.ts";
import { clearSession, loadSession, type Session, savedLang, saveLang } from "./lib/session.ts";
import { browserLang, messagesFor } from "./messages.ts";
import { Console } from "./pages/console/console.tsx";
import { SignIn } from "./pages/sign-in/sign-in.tsx";

export function App() {
  const [lang, setLang] = useState<Lang>(() => savedLang() ?? browserLang());
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [ended, setEnded] = useState(false);
  const i18n = useMemo(
    () => ({
      lang,
      t: messagesFor(lang),
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

  return (
    <I18nContext.Provider value={i18n}>
      {session ? (
        <Console session={session} onSignOut={() => signOut(false)} onAuthLost={() => signOut(true)} />
      ) : (
        <SignIn
          ended={ended}
          onSignedIn={(s) => {
            setEnded(false);
            setSession(s);
          }}
        />
      )}
    </I18nContext.Provider>
  );
}
