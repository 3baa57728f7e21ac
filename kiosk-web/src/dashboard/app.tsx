/** The dashboard page: sign-in until there is a session, then the shell; owns the language and the session. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useMemo } from "preact/hooks";
import { LocationProvider } from "preact-iso";
import { usePageState } from "../common/use-page-state.ts";
import { formatFor } from "./lib/format.ts";
import { I18nContext } from "./lib/i18n.ts";
import * as storage from "./lib/session.ts";
import { browserLang, messagesFor } from "./messages.ts";
import { Shell } from "./pages/shell/shell.tsx";
import { SignIn } from "./pages/sign-in/sign-in.tsx";

const titleOf = (lang: Lang) => `${messagesFor(lang).product} · ${messagesFor(lang).area}`;

export function App() {
  const page = usePageState(storage, browserLang, titleOf);
  const i18n = useMemo(
    () => ({ lang: page.lang, t: messagesFor(page.lang), f: formatFor(page.lang), setLang: page.setLang }),
    // page.setLang from any render does the same: it closes over the state setter and the storage only
    [page.lang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <LocationProvider scope="/dashboard">
        {page.session ? (
          <Shell
            session={page.session}
            onSignOut={() => page.signOut(false)}
            onAuthLost={() => page.signOut(true)}
            onRenewed={page.signIn}
          />
        ) : (
          <SignIn ended={page.ended} onSignedIn={page.signIn} />
        )}
      </LocationProvider>
    </I18nContext.Provider>
  );
}
