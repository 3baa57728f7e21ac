/** ES | EN buttons, each named in its own language, the active one pressed. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { useI18n } from "../../lib/i18n.ts";
import { messagesFor } from "../../messages.ts";
import styles from "./lang-switch.module.css";

const LANGS: Lang[] = ["es", "en"];

export function LangSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <fieldset class={styles.switch}>
      <legend class="sr-only">{t.langSwitch}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          class={styles.option}
          aria-pressed={l === lang}
          title={messagesFor(l).langName}
          onClick={() => setLang(l)}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span class="sr-only">{messagesFor(l).langName}</span>
        </button>
      ))}
    </fieldset>
  );
}
