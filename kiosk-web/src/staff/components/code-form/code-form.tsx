/** The code field at the counter: type the shopper's code and ask to hand it over. */
import { useI18n } from "../../lib/i18n.ts";
import { Button } from "../button/button.tsx";
import { Field, inputClass } from "../field/field.tsx";
import styles from "./code-form.module.css";

interface Props {
  code: string;
  onCode: (code: string) => void;
  onAsk: (code: string) => void;
  invalid: boolean;
}

export function CodeForm({ code, onCode, onAsk, invalid }: Props) {
  const { t } = useI18n();
  return (
    <form
      class={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onAsk(code);
      }}
    >
      <Field id="gift-code" label={t.handOver.code} hint={t.handOver.codeHint}>
        <div class={styles.row}>
          <input
            id="gift-code"
            class={`${inputClass} ${styles.code}`}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={9}
            value={code}
            aria-describedby="gift-code-hint hand-over-notice"
            aria-invalid={invalid ? true : undefined}
            onInput={(e) => onCode(e.currentTarget.value.toUpperCase())}
          />
          <Button type="submit">{t.handOver.submit}</Button>
        </div>
      </Field>
    </form>
  );
}
