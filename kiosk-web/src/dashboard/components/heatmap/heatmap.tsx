/**
 * Weekday × local hour as a table of coloured cells: colour by volume or by CSAT, every cell named for
 * screen readers ("Tuesday, 13:00: 12 answers, CSAT 83 %") and titled for the mouse.
 */
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import { useState } from "preact/hooks";
import { useI18n } from "../../lib/i18n.ts";
import { cellColor, hourSpan } from "./heat-colors.ts";
import styles from "./heatmap.module.css";

type Mode = "volume" | "csat";

export function Heatmap({ heatmap }: { heatmap: StoreResults["heatmap"] }) {
  const { t, f } = useI18n();
  const [mode, setMode] = useState<Mode>("volume");
  const hours = hourSpan(heatmap);
  const max = Math.max(1, ...heatmap.flat().map((c) => c.total));
  const s = t.store;
  return (
    <div class={styles.wrap}>
      <fieldset class={styles.controls}>
        <legend>{s.heatmapBy}</legend>
        {(["volume", "csat"] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
            {m === "volume" ? s.byVolume : s.byCsat}
          </button>
        ))}
      </fieldset>
      <table class={styles.grid} data-testid="heatmap">
        <caption class="sr-only">{s.heatmapLabel}</caption>
        <thead>
          <tr>
            <td class={styles.corner} />
            {hours.map((h) => (
              <th key={h} scope="col" class={styles.hour} data-even={h % 2 === 0}>
                <span aria-hidden="true">{String(h).padStart(2, "0")}</span>
                <span class="sr-only">{f.hour(h)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.map((row, day) => (
            <tr key={s.weekdays[day]}>
              <th scope="row" class={styles.day}>
                <span aria-hidden="true">{s.weekdaysShort[day]}</span>
                <span class="sr-only">{s.weekdays[day]}</span>
              </th>
              {hours.map((h) => {
                const cell = row[h] ?? { total: 0, positive: 0 };
                const csat = cell.total ? (cell.positive / cell.total) * 100 : null;
                const label = s.heatCell(s.weekdays[day]!, f.hour(h), cell.total, f.percent(csat));
                return (
                  <td key={h} class={styles.cell} aria-label={label} title={label} data-total={cell.total}>
                    <span style={{ background: cellColor(mode, cell.total, max, csat) }} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div class={styles.legend} aria-hidden="true">
        <span>{mode === "volume" ? s.legendLow : "0 %"}</span>
        <span class={`${styles.scale} ${mode === "csat" ? styles.csatScale : styles.volumeScale}`} />
        <span>{mode === "volume" ? s.legendHigh : "100 %"}</span>
      </div>
    </div>
  );
}
