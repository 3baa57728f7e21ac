/** A white card with a heading, optional actions beside it, and its content. */
import type { ComponentChildren } from "preact";
import styles from "./panel.module.css";

interface Props {
  id: string;
  title: string;
  actions?: ComponentChildren;
  wide?: boolean;
  children: ComponentChildren;
}

export function Panel({ id, title, actions, wide, children }: Props) {
  return (
    <section class={`${styles.panel} ${wide ? styles.wide : ""}`} aria-labelledby={`${id}-title`}>
      <header class={styles.head}>
        <h2 id={`${id}-title`}>{title}</h2>
        {actions && <div class={styles.actions}>{actions}</div>}
      </header>
      {children}
    </section>
  );
}
