/** Comment step: free text up to 500 characters, with a live counter. */
import { Button } from "../../components/button/button.tsx";
import type { Messages } from "../../lib/messages.ts";
import { Step } from "../step/step.tsx";
import styles from "./comment.module.css";

export const MAX_COMMENT = 500;

interface Props {
  score: number;
  value: string;
  t: Messages;
  index: number;
  count: number;
  onChange: (value: string) => void;
  onNext: () => void;
}

export function Comment({ score, value, t, index, count, onChange, onNext }: Props) {
  const filled = value.trim().length > 0;
  return (
    <Step
      score={score}
      index={index}
      count={count}
      progress={t.progress(index + 1, count)}
      title={t.commentTitle}
      actions={
        <Button kind={filled ? "primary" : "secondary"} onClick={onNext}>
          {filled ? t.continue : t.skip}
        </Button>
      }
    >
      <label class={styles.field}>
        <span class={styles.label}>{t.commentLabel}</span>
        <textarea
          class={styles.text}
          value={value}
          maxLength={MAX_COMMENT}
          placeholder={t.commentPlaceholder}
          aria-describedby="comment-counter"
          onInput={(e) => onChange(e.currentTarget.value.slice(0, MAX_COMMENT))}
        />
      </label>
      <p id="comment-counter" class={`${styles.counter} ${value.length >= MAX_COMMENT ? styles.full : ""}`}>
        {t.counter(value.length, MAX_COMMENT)}
      </p>
    </Step>
  );
}
