/** The two groups' figures for one window: people, returns, rate, the difference with its interval. */
import type { RevisionEffect, WindowEffect } from "@sonrisa/shared/schemas/effect";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { useI18n } from "../../lib/i18n.ts";

interface Props {
  kind: "surprise" | "follow-up";
  revision: RevisionEffect;
  window: WindowEffect;
}

export function EffectFigures({ kind, revision, window: w }: Props) {
  const { t, f } = useI18n();
  const e = t.effect;
  const rate = (g: { exposed: number; returned: number }) =>
    g.exposed ? f.percent((g.returned / g.exposed) * 100) : "—";
  const one = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 1 });
  const pts = (x: number) => one.format(Math.round(x * 1000) / 10);
  const score = (m: { mean: number | null }) => (m.mean === null ? "—" : f.score(m.mean));
  const groups = [
    { name: e.treatment(kind), g: w.treatment, next: revision.nextScore.treatment },
    { name: e.holdout, g: w.holdout, next: revision.nextScore.holdout },
  ];
  return (
    <div class={ui.wrap}>
      {groups.map(({ name, g, next }) => (
        <section key={name} aria-label={name}>
          <h3>{name}</h3>
          <dl class={ui.figures}>
            <div>
              <dt>{e.exposed}</dt>
              <dd>{f.int(g.exposed)}</dd>
            </div>
            <div>
              <dt>{e.returned(w.days)}</dt>
              <dd>{f.int(g.returned)}</dd>
            </div>
            <div>
              <dt>{e.rate}</dt>
              <dd>{rate(g)}</dd>
            </div>
            <div>
              <dt>{e.nextScore}</dt>
              <dd>{score(next)}</dd>
            </div>
          </dl>
        </section>
      ))}
      {w.difference && (w.verdict === "up" || w.verdict === "down" || w.verdict === "no-clear-effect") && (
        <dl class={ui.figures}>
          <div>
            <dt>{e.difference}</dt>
            <dd data-testid="effect-interval">
              {`${pts(w.difference.estimate)} (${pts(w.difference.low)} – ${pts(w.difference.high)})`}
            </dd>
          </div>
          {kind === "surprise" && (
            <div>
              <dt>{e.won}</dt>
              <dd>{f.int(revision.won)}</dd>
            </div>
          )}
        </dl>
      )}
    </div>
  );
}
