/** A label above its control, with an optional hint below; the control names `${id}-hint` in aria-describedby. */
import type { ComponentChildren } from "preact";
import styles from "./field.module.css";

interface Props {
  id: string;
  label: string;
  hint?: string;
  children: ComponentChildren;
}

export function Field({ id, label, hint, children }: Props) {
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
    </div>
  );
}

/** The look of text, number and select controls across the console. */
export const inputClass = styles.input;
