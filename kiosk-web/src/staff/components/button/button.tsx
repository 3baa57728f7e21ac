/** A console button, at least 48 px tall; `kind` picks the look, everything else passes through to <button>. */
import type { JSX } from "preact";
import styles from "./button.module.css";

type Props = JSX.ButtonHTMLAttributes<HTMLButtonElement> & { kind?: "primary" | "secondary" | "quiet" };

export function Button({ kind = "primary", class: extra, type = "button", ...rest }: Props) {
  return <button type={type} class={`${styles.button} ${styles[kind]} ${extra ?? ""}`} {...rest} />;
}
