/**
 * Language buttons for the kiosk, the staff console and the dashboard: each language named in its own words
 * (what a reader looks for), the active one pressed. Each page sizes it through the `--lang-switch-*`
 * properties of its stylesheet; `compact` shows ES | EN and keeps the names for screen readers.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import styles from "./lang-switch.module.css";

export const LANG_NAMES: Record<Lang, string> = { es: "Español", en: "English" };
const ALL_LANGS = Object.keys(LANG_NAMES) as Lang[];

interface Props {
  lang: Lang;
  /** Accessible name of the group, in the active language. */
  label: string;
  onChange: (lang: Lang) => void;
  langs?: readonly Lang[];
  compact?: boolean;
}

export function LangSwitch({ lang, label, onChange, langs = ALL_LANGS, compact = false }: Props) {
  if (langs.length < 2) return null;
  return (
    <fieldset class={styles.switch}>
      <legend class="sr-only">{label}</legend>
      {langs.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          class={compact ? `${styles.option} ${styles.compact}` : styles.option}
          aria-pressed={l === lang}
          title={compact ? LANG_NAMES[l] : undefined}
          onClick={() => onChange(l)}
        >
          {compact ? (
            <>
              <span aria-hidden="true">{l.toUpperCase()}</span>
              <span class="sr-only">{LANG_NAMES[l]}</span>
            </>
          ) : (
            LANG_NAMES[l]
          )}
        </button>
      ))}
    </fieldset>
  );
}
