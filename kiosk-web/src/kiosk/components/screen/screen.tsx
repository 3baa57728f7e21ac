/** The frame of every kiosk screen: store name and language switch on top, the step's content below. */
import type { ComponentChildren } from "preact";
import styles from "./screen.module.css";

interface Props {
  store: string;
  top?: ComponentChildren;
  children: ComponentChildren;
  /** Steps may scroll (long consent text, on-screen keyboard); the attract screen never does. */
  scroll?: boolean;
  label: string;
}

export function Screen({ store, top, children, scroll = false, label }: Props) {
  return (
    <div class={styles.screen}>
      <header class={styles.header}>
        <p class={styles.store}>
          <img class={styles.mark} src="/favicon.svg" alt="" />
          <span class={styles.name}>{store}</span>
        </p>
        <div class={styles.top}>{top}</div>
      </header>
      <main class={`${styles.main} ${scroll ? styles.scroll : ""}`} aria-label={label}>
        {children}
      </main>
    </div>
  );
}
