/**
 * Today's hand-overs, newest first: what, when, by whom, and why for spontaneous gifts. A spontaneous gift
 * from stock carries the item's name, which may be a legacy "es / en" one (see itemName).
 */
import type { StaffGift } from "../../lib/api.ts";
import { clockTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.ts";
import { itemName } from "../../lib/item-name.ts";
import type { Messages } from "../../messages.ts";
import styles from "./handed-list.module.css";

export function HandedList({ gifts }: { gifts: StaffGift[] | undefined }) {
  const { t, lang } = useI18n();
  if (!gifts) return <p class={styles.empty}>{t.loading}</p>;
  if (gifts.length === 0) return <p class={styles.empty}>{t.history.empty}</p>;
  return (
    <ul class={styles.list}>
      {gifts.map((g) => (
        <li key={g.code} class={styles.item} data-code={g.code}>
          <span class={`${styles.kind} ${styles[g.kind]}`}>{t.history[g.kind]}</span>
          <span class={styles.gift}>
            {itemName(g.gift[lang], lang)}
            {g.kind === "surprise" && <span class={styles.code}> · {g.code}</span>}
          </span>
          <span class={styles.meta}>
            {[g.handedAt && t.history.at(clockTime(g.handedAt, lang)), g.handedBy && t.history.by(who(g.handedBy, t))]
              .filter(Boolean)
              .join(" ")}
            {g.reason && ` · ${g.reason}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The API records `staff:<store>` plus the name staff gave at sign-in, in brackets. */
function who(handedBy: string, t: Messages): string {
  const named = /^staff:\S+ \((.+)\)$/.exec(handedBy);
  if (named) return named[1]!;
  return handedBy.startsWith("staff:") ? t.history.staff : handedBy;
}
