/** The store's key figures for the period, one tile each: value large, what it means small. */
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./kpi-tiles.module.css";

export function KpiTiles({ results }: { results: StoreResults }) {
  const { t, f } = useI18n();
  const s = t.store;
  const tiles = [
    {
      id: "answers",
      label: s.answers,
      value: f.int(results.total),
      hint: results.misuse ? s.misuseNote(f.int(results.misuse), results.misuse) : "",
    },
    { id: "csat", label: s.csat, value: f.percent(results.csat), hint: s.csatHint },
    { id: "index", label: s.index, value: f.score(results.index), hint: s.indexHint },
    { id: "opt-ins", label: s.optIns, value: f.int(results.optIns), hint: s.optInsHint },
    {
      id: "gifts",
      label: s.gifts,
      value: s.giftsValue(f.int(results.gifts.won), f.int(results.gifts.handed)),
      hint: s.giftsHint(f.int(results.gifts.spontaneous), results.gifts.spontaneous),
    },
    {
      id: "holdout",
      label: s.holdout,
      value: `${f.int(results.holdout.holdout)} / ${f.int(results.holdout.treatment)}`,
      hint: s.holdoutHint,
    },
  ];
  return (
    <section aria-label={s.kpis}>
      <dl class={styles.tiles}>
        {tiles.map((tile) => (
          <div key={tile.id} class={styles.tile} data-kpi={tile.id}>
            <dt>{tile.label}</dt>
            <dd class={styles.value}>{tile.value}</dd>
            {tile.hint && <dd class={styles.hint}>{tile.hint}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
