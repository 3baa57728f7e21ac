/**
 * The cumulative difference in returns by exposure day, with its 95 % interval as a band (uPlot, as the
 * trend chart). The canvas is hidden from assistive technology; the numbers are in a table one click away.
 */
import type { WindowEffect } from "@sonrisa/shared/schemas/effect";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { CHART_COLORS, secondsOf } from "../../components/series-chart/chart-options.ts";
import chart from "../../components/series-chart/series-chart.module.css";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./effect.module.css";

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const BAND = "rgba(54, 86, 201, 0.16)";

export function EffectChart({ window: w }: { window: WindowEffect }) {
  const { t, f } = useI18n();
  const e = t.effect;
  const box = useRef<HTMLDivElement>(null);
  const points = w.series;
  const pts = (x: number) => Math.round(x * 1000) / 10;

  useEffect(() => {
    const el = box.current;
    if (!el || !points.length) return;
    const data: uPlot.AlignedData = [
      points.map((p) => secondsOf(p.date)),
      points.map((p) => pts(p.high)),
      points.map((p) => pts(p.estimate)),
      points.map((p) => pts(p.low)),
      points.map(() => 0),
    ];
    const height = () => (el.clientWidth < 560 ? 220 : 280);
    const axis = { stroke: CHART_COLORS.axis, font: FONT, grid: { stroke: CHART_COLORS.grid, width: 1 } };
    const value = (_u: uPlot, v: number | null) => (v == null ? "—" : `${v}`);
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: height(),
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        series: [
          {
            label: e.chartDate,
            value: (_u, v) => (v == null ? "—" : f.day(new Date(v * 1000).toISOString().slice(0, 10), true)),
          },
          { label: e.chartHigh, stroke: BAND, width: 1, value },
          { label: e.chartEstimate, stroke: CHART_COLORS.csat, width: 2, value },
          { label: e.chartLow, stroke: BAND, width: 1, value },
          { label: "0", stroke: CHART_COLORS.axis, width: 1, dash: [4, 4], points: { show: false } },
        ],
        bands: [{ series: [1, 3], fill: BAND }],
        axes: [
          {
            ...axis,
            space: 64,
            values: (_u, splits) => splits.map((s) => f.day(new Date(s * 1000).toISOString().slice(0, 10))),
          },
          { ...axis, size: 48, values: (_u, splits) => splits.map((s) => `${s}`) },
        ],
      },
      data,
      el,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: height() }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [points, e, f]);

  if (!points.length) return null;
  return (
    <figure class={chart.figure}>
      <figcaption class={styles.caption}>{e.chart(w.days)}</figcaption>
      <div class={`${chart.chart} ${styles.withZeroLine}`} ref={box} aria-hidden="true" data-testid="effect-chart" />
      <p class="sr-only">{e.chartSummary(points.length, w.days)}</p>
      <details class={chart.data}>
        <summary>{e.showData}</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
        <section class={chart.tableScroll} aria-label={e.showData} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{e.chartDate}</th>
                <th scope="col">{e.chartEstimate}</th>
                <th scope="col">{e.chartLow}</th>
                <th scope="col">{e.chartHigh}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date}>
                  <th scope="row">{f.day(p.date, true)}</th>
                  <td>{pts(p.estimate)}</td>
                  <td>{pts(p.low)}</td>
                  <td>{pts(p.high)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}
