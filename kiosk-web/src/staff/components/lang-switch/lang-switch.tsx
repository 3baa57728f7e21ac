/** Español | English, like the kiosk's switch: each language in its own words, the active one pressed. */
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
          onClick={() => setLang(l)}
        >
          {messagesFor(l).langName}
        </button>
      ))}
    </fieldset>
  );
}
