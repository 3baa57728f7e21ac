/** A titled card of the console; `extra` sits at the right of the title (a count, an action). */
import type { ComponentChildren } from "preact";
import styles from "./panel.module.css";

interface Props {
  id: string;
  title: string;
  extra?: ComponentChildren;
  class?: string;
  children: ComponentChildren;
}

export function Panel({ id, title, extra, class: more, children }: Props) {
  return (
    <section id={id} class={`${styles.panel} ${more ?? ""}`} aria-labelledby={`${id}-title`}>
      <div class={styles.head}>
        <h2 id={`${id}-title`} class={styles.title}>
          {title}
        </h2>
        {extra}
      </div>
      {children}
    </section>
  );
}
