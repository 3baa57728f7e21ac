/**
 * The member's card: stamps ("4 of 5"), rewards ready, the rotating code with the QR code that carries it (a
 * screenshot is useless three minutes later), the member number and the history. Spanish or English, the
 * member's language first; offline it shows the card as last read, and the code still turns.
 */

import { cardQrText } from "@sonrisa/shared/card-qr";
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useEffect, useState } from "preact/hooks";
import { LangSwitch } from "../common/lang-switch/lang-switch.tsx";
import styles from "./card.module.css";
import { CardBody } from "./components/card-body.tsx";
import { tokenOfPath } from "./lib/card-store.ts";
import { useCard } from "./lib/use-card.ts";
import { messagesFor } from "./messages.ts";

const LANG_KEY = "sonrisa-card-lang";

export function App() {
  const token = tokenOfPath(location.pathname);
  const state = useCard(token);
  const [lang, setLang] = useState<Lang | undefined>(
    () => (localStorage.getItem(LANG_KEY) as Lang | null) ?? undefined,
  );
  const shown: Lang =
    lang ?? (state.kind === "ready" ? state.kept.card.lang : navigator.language.startsWith("es") ? "es" : "en");
  const t = messagesFor(shown);
  useEffect(() => {
    document.documentElement.lang = shown;
    document.title = state.kind === "ready" ? `${state.kept.card.storeName} · ${t.title}` : t.title;
  }, [shown, state.kind]);
  // The installed app starts at /card/: show the kept card's own link in the address.
  useEffect(() => {
    if (!token && state.kind === "ready") history.replaceState(null, "", `/card/${state.kept.token}`);
  }, [token, state.kind]);

  const choose = (l: Lang) => {
    setLang(l);
    localStorage.setItem(LANG_KEY, l);
  };

  return (
    <main class={styles.page}>
      <header class={styles.header}>
        <div>
          <p class={styles.store}>{state.kind === "ready" ? state.kept.card.storeName : "Sonrisa"}</p>
          <h1 class={styles.title}>{t.title}</h1>
        </div>
        <LangSwitch lang={shown} label={t.langSwitch} onChange={choose} compact />
      </header>
      {state.kind === "loading" && <p class={styles.note}>{t.loading}</p>}
      {state.kind === "gone" && <p class={styles.note}>{t.gone}</p>}
      {state.kind === "offline" && <p class={styles.note}>{t.firstOffline}</p>}
      {state.kind === "ready" && (
        <>
          {state.offline && (
            <p class={styles.offline} role="status">
              {t.offline}
            </p>
          )}
          <CardBody card={state.kept.card} skewMs={state.kept.skewMs} lang={shown} t={t} qrText={cardQrText} />
        </>
      )}
    </main>
  );
}
