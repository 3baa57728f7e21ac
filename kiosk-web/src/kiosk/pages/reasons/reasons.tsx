/** Reasons step: chips from the store's list for this answer's sentiment, up to five. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { Reason } from "@sonrisa/shared/schemas/store";
import type { Sentiment } from "@sonrisa/shared/scoring";
import { textIn } from "@sonrisa/shared/store-text";
import { Button } from "../../components/button/button.tsx";
import type { Messages } from "../../lib/messages.ts";
import { Step } from "../step/step.tsx";
import styles from "./reasons.module.css";

const MAX = 5;

interface Props {
  score: number;
  sentiment: Sentiment;
  reasons: Reason[];
  picked: string[];
  lang: Lang;
  t: Messages;
  index: number;
  count: number;
  onChange: (picked: string[]) => void;
  onNext: () => void;
}

export function Reasons({ score, sentiment, reasons, picked, lang, t, index, count, onChange, onNext }: Props) {
  const toggle = (id: string) =>
    onChange(picked.includes(id) ? picked.filter((p) => p !== id) : picked.length < MAX ? [...picked, id] : picked);
  return (
    <Step
      score={score}
      index={index}
      count={count}
      progress={t.progress(index + 1, count)}
      title={t.reasonsTitle[sentiment]}
      hint={t.reasonsHint}
      actions={
        <Button kind={picked.length ? "primary" : "secondary"} onClick={onNext}>
          {picked.length ? t.continue : t.skip}
        </Button>
      }
    >
      <div class={styles.chips}>
        {reasons.map((r) => {
          const on = picked.includes(r.id);
          return (
            <button
              key={r.id}
              type="button"
              class={styles.chip}
              aria-pressed={on}
              aria-disabled={!on && picked.length >= MAX}
              onClick={() => toggle(r.id)}
            >
              <span class={styles.tick} aria-hidden="true" />
              {textIn(r.label, lang, lang)}
            </button>
          );
        })}
      </div>
    </Step>
  );
}
