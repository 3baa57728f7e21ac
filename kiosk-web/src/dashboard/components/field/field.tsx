/** A labelled control with its hint and its error, wired for screen readers (aria-describedby, aria-invalid). */
import type { ComponentChildren } from "preact";
import styles from "./field.module.css";

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The label sits after the control (checkboxes). */
  inline?: boolean;
  wide?: boolean;
  children: ComponentChildren;
}

export function Field({ id, label, hint, error, inline, wide, children }: Props) {
  const text = (
    <label class={styles.label} for={id}>
      {label}
    </label>
  );
  return (
    <div class={`${styles.field} ${inline ? styles.inline : ""} ${wide ? styles.wide : ""}`}>
      {!inline && text}
      {children}
      {inline && text}
      {hint && (
        <p class={styles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class={styles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** What a control inside a Field spreads: its id, and what describes it. */
export function controlProps(id: string, error?: string, hint?: string) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return {
    id,
    name: id,
    class: styles.control,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export { styles as fieldStyles };
