/**
 * The dashboard's navigation: the sections in named groups, down the side on a laptop; on a phone or a small
 * tablet the groups fold under a menu button (Escape or a chosen page folds them again). Links keep the
 * current filters.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./side-nav.module.css";

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}

export interface NavSection {
  id: string;
  label: string;
  links: NavLink[];
}

export function SideNav({ sections }: { sections: NavSection[] }) {
  const { t } = useI18n();
  const { hrefTo } = useFilters();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const current = sections.flatMap((s) => s.links).find((l) => l.current)?.href;
  useEffect(() => setOpen(false), [current]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <nav class={styles.nav} aria-label={t.nav.label} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        class={styles.menu}
        aria-expanded={open}
        aria-controls="nav-groups"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d={open ? "M6 6l12 12M18 6L6 18" : "M4 7h16M4 12h16M4 17h16"} />
        </svg>
        {t.nav.menu}
      </button>
      <div id="nav-groups" class={styles.groups} data-open={open}>
        {sections.map((section) => (
          <div key={section.id} class={styles.group}>
            <p class={styles.heading} id={`nav-${section.id}`}>
              {section.label}
            </p>
            <ul aria-labelledby={`nav-${section.id}`}>
              {section.links.map((link) => (
                <li key={link.href}>
                  <a href={hrefTo(link.href)} aria-current={link.current ? "page" : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
