/** Surprises waiting at the counter, newest first: code, gift, when it was won and how long it stays valid. */

import { useNow } from "../../../common/use-now.ts";
import type { StaffGift } from "../../lib/api.ts";
import { clockTime, timeLeft } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.ts";
import { Button } from "../button/button.tsx";
import styles from "./pending-list.module.css";

export function PendingList({ gifts, onPick }: { gifts: StaffGift[] | undefined; onPick: (code: string) => void }) {
  const { t, lang } = useI18n();
  const now = useNow(15_000);
  if (!gifts) return <p class={styles.empty}>{t.loading}</p>;
  if (gifts.length === 0) return <p class={styles.empty}>{t.pending.empty}</p>;
  return (
    <ul class={styles.list} aria-label={t.pending.count(gifts.length)}>
      {gifts.map((g) => {
        const left = timeLeft(g.expiresAt, now, t);
        const name = g.gift[lang];
        return (
          <li key={g.code} class={styles.item} data-code={g.code}>
            <span class={styles.code}>{g.code}</span>
            <span class={styles.gift}>{name}</span>
            <span class={styles.meta}>
              {t.pending.won(clockTime(g.wonAt, lang))} · {left ? t.pending.left(left) : t.pending.expired}
            </span>
            <Button
              kind="secondary"
              class={styles.pick}
              aria-label={t.pending.pickLabel(g.code, name)}
              disabled={!left}
              onClick={() => onPick(g.code)}
            >
              {t.pending.pick}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
