/**
 * A label above its control, with an optional hint and an optional error below; the control names
 * `${id}-hint` and `${id}-error` in aria-describedby when they are shown.
 */
import type { ComponentChildren } from "preact";
import styles from "./field.module.css";

interface Props {
  id: string;
  label: string;
  hint?: string;
  /** What is wrong with the value, shown under the control. */
  error?: string;
  children: ComponentChildren;
}

export function Field({ id, label, hint, error, children }: Props) {
  return (
    <div class={styles.field}>
      <label for={id} class={styles.label}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class={styles.hint}>
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </div>
  );
}

/** An inline error under a control, with an icon so colour is not the only cue. */
export function FieldError({ id, text, class: extra }: { id: string; text: string; class?: string }) {
  return (
    <p id={id} class={`${styles.error} ${extra ?? ""}`}>
      <span aria-hidden="true">! </span>
      {text}
    </p>
  );
}

/** The look of text, number and select controls across the console. */
export const inputClass = styles.input;
