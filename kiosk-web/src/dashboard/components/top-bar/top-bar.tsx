/** Brand, who is signed in, the language switch and sign-out (the sections are in the side navigation). */
import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import type { Session } from "../../lib/session.ts";
import styles from "./top-bar.module.css";

interface Props {
  session: Session;
  onSignOut: () => void;
}

export function TopBar({ session, onSignOut }: Props) {
  const { t, lang, setLang } = useI18n();
  const { hrefTo } = useFilters();
  return (
    <header class={styles.bar}>
      <div class={styles.inner}>
        <a class={styles.brand} href={hrefTo(paths.overview)}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t.product}</span>
        </a>
        <div class={styles.user}>
          <span class={styles.who}>
            <a class={styles.email} href={hrefTo(paths.account)} aria-label={t.account.link(session.email)}>
              {session.email}
            </a>
            <span class={styles.role}>{t.roles[session.role]}</span>
          </span>
          <a class={styles.account} href={hrefTo(paths.account)} aria-label={t.account.link(session.email)}>
            {t.account.short}
          </a>
          <LangSwitch lang={lang} label={t.langSwitch} onChange={setLang} compact />
          <button type="button" class={styles.signOut} onClick={onSignOut}>
            {t.signOut}
          </button>
        </div>
      </div>
    </header>
  );
}
