/** Brand, the sections, who is signed in, the language switch and sign-out. */

import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { useI18n } from "../../lib/i18n.ts";
import type { Session } from "../../lib/session.ts";
import { hrefOf, type Place, type View } from "../../lib/use-location.ts";
import styles from "./top-bar.module.css";

interface Props {
  session: Session;
  place: Place;
  go: (next: Partial<Place>) => void;
  firstStore: string | undefined;
  onSignOut: () => void;
}

export function TopBar({ session, place, go, firstStore, onSignOut }: Props) {
  const { t, lang, setLang } = useI18n();
  const lastStore = place.view.name === "store" ? place.view.storeId : firstStore;
  const items: { key: View["name"]; label: string; view: View }[] = [
    { key: "overview", label: t.nav.overview, view: { name: "overview" } },
    ...(lastStore
      ? [{ key: "store" as const, label: t.nav.store, view: { name: "store" as const, storeId: lastStore } }]
      : []),
    { key: "rules", label: t.nav.rules, view: { name: "rules" } },
    ...(session.role === "admin"
      ? [{ key: "kiosks" as const, label: t.nav.kiosks, view: { name: "kiosks" as const } }]
      : []),
  ];
  const follow = (view: View) => (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go({ view });
  };
  return (
    <header class={styles.bar}>
      <div class={styles.inner}>
        <a
          class={styles.brand}
          href={hrefOf({ ...place, view: { name: "overview" } })}
          onClick={follow({ name: "overview" })}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t.product}</span>
        </a>
        <nav class={styles.nav} aria-label={t.nav.label}>
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                <a
                  href={hrefOf({ ...place, view: item.view })}
                  aria-current={place.view.name === item.key ? "page" : undefined}
                  onClick={follow(item.view)}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class={styles.user}>
          <span class={styles.who}>
            <span class={styles.email}>{session.email}</span>
            <span class={styles.role}>{t.roles[session.role]}</span>
          </span>
          <LangSwitch lang={lang} label={t.langSwitch} onChange={setLang} compact />
          <button type="button" class={styles.signOut} onClick={onSignOut}>
            {t.signOut}
          </button>
        </div>
      </div>
    </header>
  );
}
