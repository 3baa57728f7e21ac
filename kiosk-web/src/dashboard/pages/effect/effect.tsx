/**
 * The effect page: one rule (surprise or follow-up) against its randomised holdout, version by version,
 * for the chosen outcome window: the sentence, the groups' figures, the interval and the chart.
 */
import type { RevisionEffect } from "@sonrisa/shared/schemas/effect";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import ui from "../../components/admin-ui/admin-ui.module.css";
import chart from "../../components/series-chart/series-chart.module.css";
import { Status } from "../../components/status/status.tsx";
import type { EffectReport } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./effect.module.css";
import { EffectChart } from "./effect-chart.tsx";
import { EffectFigures } from "./effect-figures.tsx";
import { effectSentence } from "./sentence.ts";

const WINDOWS = [7, 30, 60] as const;

export function Effect({ api, ruleId }: PageProps & { ruleId?: string }) {
  const { t } = useI18n();
  const e = t.effect;
  const { route } = useLocation();
  const { resource: rules, retry } = useResource(
    async (signal) => {
      const [surprise, followUps] = await Promise.all([api.surpriseRules(signal), api.followUpRules(signal)]);
      return [
        ...surprise.map((r) => ({ id: r.id, name: r.name, surprise: true })),
        ...followUps.map((r) => ({ id: r.id, name: r.name, surprise: false })),
      ];
    },
    [api],
  );
  const chosen = ruleId ? decodeURIComponent(ruleId) : rules.data?.[0]?.id;
  return (
    <>
      <header class={ui.head}>
        <h1>{e.title}</h1>
        <p>{e.intro}</p>
      </header>
      {rules.state !== "ready" ? (
        <Status resource={rules} onRetry={retry} />
      ) : !chosen ? (
        <p>{e.noRules}</p>
      ) : (
        <>
          <div class={`${ui.field} ${styles.picker}`}>
            <label for="effect-rule">{e.rule}</label>
            <select id="effect-rule" value={chosen} onChange={(ev) => route(paths.effect(ev.currentTarget.value))}>
              {rules.data.map((r) => (
                <option key={r.id} value={r.id}>{`${r.name} · ${r.surprise ? e.surprise : e.followUp}`}</option>
              ))}
            </select>
          </div>
          <Report api={api} ruleId={chosen} />
        </>
      )}
    </>
  );
}

function Report({ api, ruleId }: { api: PageProps["api"]; ruleId: string }) {
  const { t } = useI18n();
  const [days, setDays] = useState<(typeof WINDOWS)[number]>(30);
  const { resource, retry } = useResource((signal) => api.effect(ruleId, signal), [api, ruleId]);
  if (resource.state !== "ready") return <Status resource={resource} onRetry={retry} />;
  const report = resource.data;
  return (
    <>
      <fieldset class={chart.controls}>
        <legend class="sr-only">{t.effect.window}</legend>
        {WINDOWS.map((w) => (
          <button key={w} type="button" aria-pressed={days === w} onClick={() => setDays(w)}>
            {t.effect.days(w)}
          </button>
        ))}
      </fieldset>
      {report.revisions.length === 0 && <p>{t.effect.noData}</p>}
      {report.revisions.length > 1 && <p class={styles.note}>{t.effect.revisionNote}</p>}
      {report.revisions.map((r) => (
        <Revision key={r.revision} report={report} revision={r} days={days} />
      ))}
      <p class={styles.note}>{t.effect.caveat}</p>
    </>
  );
}

function Revision({ report, revision, days }: { report: EffectReport; revision: RevisionEffect; days: number }) {
  const { t, f } = useI18n();
  const w = revision.windows.find((x) => x.days === days)!;
  const id = `revision-${revision.revision}`;
  return (
    <section class={ui.panel} aria-labelledby={id}>
      <h2 id={id}>{t.effect.revision(f.day(revision.firstDate, true), f.day(revision.lastDate, true))}</h2>
      <p class={styles.sentence} data-testid="effect-sentence">
        {effectSentence(t.effect, f.locale, report.kind, w, revision.firstDate, (d) => f.day(d, true))}
      </p>
      {w.maturedThrough && <p class={styles.note}>{t.effect.matured(f.day(w.maturedThrough, true))}</p>}
      <EffectFigures kind={report.kind} revision={revision} window={w} />
      <EffectChart window={w} />
    </section>
  );
}
