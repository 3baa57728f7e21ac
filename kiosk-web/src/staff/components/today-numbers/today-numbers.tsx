/** Today's four numbers for the store: answers, CSAT, gifts handed over and new contacts. */
import type { Today } from "../../lib/api.ts";
import { percent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./today-numbers.module.css";

export function TodayNumbers({ today }: { today: Today | undefined }) {
  const { t, lang } = useI18n();
  const value = (n: number | string | undefined) => (today === undefined || n === undefined ? t.today.none : n);
  const tiles: [string, string | number][] = [
    [t.today.answers, value(today?.total)],
    [t.today.csat, value(today && percent(today.csat, lang))],
    [t.today.handed, value(today && today.gifts.handed + today.gifts.spontaneous)],
    [t.today.optIns, value(today?.optIns)],
  ];
  return (
    <dl class={styles.tiles} aria-busy={today ? undefined : "true"}>
      {tiles.map(([label, n]) => (
        <div key={label} class={styles.tile}>
          <dt class={styles.label}>{label}</dt>
          <dd class={styles.value}>{n}</dd>
        </div>
      ))}
    </dl>
  );
}
