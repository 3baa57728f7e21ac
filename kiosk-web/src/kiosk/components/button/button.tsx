/** A kiosk button; `kind` picks the look, everything else passes through to <button>. */
import type { JSX } from "preact";
import styles from "./button.module.css";

type Props = JSX.ButtonHTMLAttributes<HTMLButtonElement> & { kind?: "primary" | "secondary" | "quiet" };

export function Button({ kind = "primary", class: extra, ...rest }: Props) {
  return <button type="button" class={`${styles.button} ${styles[kind]} ${extra ?? ""}`} {...rest} />;
}
