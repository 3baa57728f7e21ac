/** Brand, the sections, who is signed in, the language switch and sign-out. */
import { useEffect, useRef } from "preact/hooks";
import { LangSwitch } from "../../../common/lang-switch/lang-switch.tsx";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import type { Session } from "../../lib/session.ts";
import styles from "./top-bar.module.css";

/** A section in the navigation; links keep the current filters. */
export interface Section {
  label: string;
  href: string;
  current: boolean;
}

interface Props {
  session: Session;
  sections: Section[];
  onSignOut: () => void;
}

export function TopBar({ session, sections, onSignOut }: Props) {
  const { t, lang, setLang } = useI18n();
  const { hrefTo } = useFilters();
  const list = useRef<HTMLUListElement>(null);
  const current = sections.find((s) => s.current)?.href;
  // On a phone the row scrolls sideways: bring the current section into sight (the row only, never the page).
  useEffect(() => {
    const ul = list.current;
    const link = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!ul || !link) return;
    const [u, a] = [ul.getBoundingClientRect(), link.getBoundingClientRect()];
    if (a.left < u.left || a.right > u.right) ul.scrollLeft += a.left - u.left - 16;
  }, [current, sections.length]);
  return (
    <header class={styles.bar}>
      <div class={styles.inner}>
        <a class={styles.brand} href={hrefTo(paths.overview)}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t.product}</span>
        </a>
        <nav class={styles.nav} aria-label={t.nav.label}>
          <ul ref={list}>
            {sections.map((section) => (
              <li key={section.href}>
                <a href={hrefTo(section.href)} aria-current={section.current ? "page" : undefined}>
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
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
