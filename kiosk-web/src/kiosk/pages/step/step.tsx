/** Shared layout of the optional steps: the picked face, progress, a title, the step's content and its actions. */
import type { ComponentChildren } from "preact";
import { FaceIcon } from "../../components/face/face.tsx";
import styles from "./step.module.css";

interface Props {
  score: number;
  index: number;
  count: number;
  progress: string;
  title: string;
  hint?: string;
  children: ComponentChildren;
  actions: ComponentChildren;
}

export function Step({ score, index, count, progress, title, hint, children, actions }: Props) {
  return (
    <div class={styles.step}>
      <div class={styles.head}>
        <div class={styles.face}>
          <FaceIcon score={score} />
        </div>
        <div>
          <p class={styles.progress}>
            <span class="sr-only">{progress}</span>
            {Array.from({ length: count }, (_, i) => (
              <span key={i} aria-hidden="true" class={i <= index ? styles.done : styles.dot} />
            ))}
          </p>
          <h1 class={styles.title}>{title}</h1>
          {hint && <p class={styles.hint}>{hint}</p>}
        </div>
      </div>
      <div class={styles.body}>{children}</div>
      <div class={styles.actions}>{actions}</div>
    </div>
  );
}
