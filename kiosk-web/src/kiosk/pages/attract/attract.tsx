/** The attract screen: the store's question and its faces, nothing else to read or scroll. */
import { facesFor } from "@sonrisa/shared/scoring";
import { FaceButton } from "../../components/face/face.tsx";
import type { Messages } from "../../lib/messages.ts";
import styles from "./attract.module.css";

interface Props {
  question: string;
  scale: 4 | 5;
  picked?: number;
  t: Messages;
  onPick: (score: number) => void;
}

export function Attract({ question, scale, picked, t, onPick }: Props) {
  const scores = facesFor(scale);
  return (
    <div class={styles.attract}>
      <h1 class={styles.question}>{question}</h1>
      <fieldset class={styles.faces} style={{ "--n": scores.length }}>
        <legend class="sr-only">{t.facesGroup}</legend>
        {scores.map((score) => (
          <FaceButton
            key={score}
            score={score}
            label={t.faces[score as 1 | 2 | 3 | 4 | 5]}
            picked={picked === score}
            dimmed={picked !== undefined && picked !== score}
            onPick={onPick}
          />
        ))}
      </fieldset>
      <p class={styles.hint} aria-hidden="true">
        {t.tapAFace}
      </p>
    </div>
  );
}
