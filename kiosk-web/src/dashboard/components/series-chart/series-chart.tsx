/**
 * The trend over the period with uPlot, daily or weekly. The canvas is hidden from assistive technology;
 * the same numbers are in a table one click away.
 */
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import { useEffect, useRef, useState } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useI18n } from "../../lib/i18n.ts";
import { chartOptions, secondsOf } from "./chart-options.ts";
import styles from "./series-chart.module.css";

type Granularity = "daily" | "weekly";

export function SeriesChart({ results }: { results: StoreResults }) {
  const { t, f } = useI18n();
  const [granularity, setGranularity] = useState<Granularity>(results.daily.length > 92 ? "weekly" : "daily");
  const box = useRef<HTMLDivElement>(null);
  const points = results[granularity];

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [
      points.map((p) => secondsOf(p.date)),
      points.map((p) => p.total || null), // no bar at all on an empty day
      points.map((p) => p.csat),
    ];
    const height = () => (el.clientWidth < 560 ? 220 : 280);
    const labels = { date: t.store.seriesDate, answers: t.store.seriesAnswers, csat: t.store.seriesCsat };
    const plot = new uPlot(
      chartOptions(el.clientWidth, height(), granularity === "weekly" ? 7 : 1, f, labels),
      data,
      el,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: height() }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [points, granularity, t, f]);

  return (
    <figure class={styles.figure}>
      <fieldset class={styles.controls}>
        <legend class="sr-only">{t.store.granularity}</legend>
        {(["daily", "weekly"] as const).map((g) => (
          <button key={g} type="button" aria-pressed={granularity === g} onClick={() => setGranularity(g)}>
            {t.store[g]}
          </button>
        ))}
      </fieldset>
      <div class={styles.chart} ref={box} aria-hidden="true" data-testid="series-chart" />
      <figcaption class="sr-only">{t.store.seriesSummary(points.length, granularity === "weekly")}</figcaption>
      <details class={styles.data}>
        <summary>{t.store.showData}</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
        <section class={styles.tableScroll} aria-label={t.store.showData} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{granularity === "weekly" ? t.store.weekOf : t.store.date}</th>
                <th scope="col">{t.store.seriesAnswers}</th>
                <th scope="col">{t.store.csat}</th>
                <th scope="col">{t.store.index}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date}>
                  <th scope="row">{f.day(p.date, true)}</th>
                  <td>{f.int(p.total)}</td>
                  <td>{f.percent(p.csat)}</td>
                  <td>{f.score(p.index)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}
