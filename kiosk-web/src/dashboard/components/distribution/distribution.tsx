/**
 * How the answers split across the faces, happiest first, as labelled bars. A 4-face store has no neutral
 * face, so its 3 is left out (unless old answers from its 5-face days hold some).
 */
import type { ScoreCounts } from "@sonrisa/shared/schemas/results";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./distribution.module.css";

const ORDER = ["5", "4", "3", "2", "1"] as const;

export function Distribution({ counts, total, scale = 5 }: { counts: ScoreCounts; total: number; scale?: 4 | 5 }) {
  const { t, f } = useI18n();
  const faces = ORDER.filter((score) => score !== "3" || scale === 5 || counts["3"] > 0);
  const max = Math.max(1, ...faces.map((s) => counts[s]));
  return (
    <ul class={styles.list}>
      {faces.map((score) => {
        const share = total ? (counts[score] / total) * 100 : 0;
        return (
          <li key={score} class={styles.row} data-score={score}>
            <span class={styles.label}>
              <span class={styles.face} data-score={score} aria-hidden="true">
                {score}
              </span>
              {t.store.scores[score]}
            </span>
            <span class={styles.track} aria-hidden="true">
              <span class={styles.fill} data-score={score} style={{ width: `${(counts[score] / max) * 100}%` }} />
            </span>
            <span class={styles.figures}>
              <strong>{f.int(counts[score])}</strong>
              <span>{total ? f.percent(share) : t.none}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
