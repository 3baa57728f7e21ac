/** Language buttons, each labelled with the language's own name (what a shopper looks for), the active one pressed. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { messagesFor } from "../../lib/messages.ts";
import styles from "./lang-switch.module.css";

interface Props {
  langs: Lang[];
  lang: Lang;
  label: string;
  onChange: (lang: Lang) => void;
}

export function LangSwitch({ langs, lang, label, onChange }: Props) {
  if (langs.length < 2) return null;
  return (
    <fieldset class={styles.switch}>
      <legend class="sr-only">{label}</legend>
      {langs.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          class={styles.option}
          aria-pressed={l === lang}
          onClick={() => onChange(l)}
        >
          {messagesFor(l).langName}
        </button>
      ))}
    </fieldset>
  );
}
