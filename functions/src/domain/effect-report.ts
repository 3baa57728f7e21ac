/**
 * GET /v1/campaigns/effect: a rule's exposed treatment against its randomised holdout, revision by revision,
 * from the rule's day counters only (a year is at most a few thousand small items, whatever the answers).
 * A window counts only exposure days it has closed for, so a recent exposure never counts as "did not come
 * back". Nothing here compares members with others or winners with everyone: only the drawn groups.
 */
import type { EffectReport, RevisionEffect, Verdict, WindowEffect } from "@sonrisa/shared/schemas/effect";
import { addDays, daysBetween } from "@sonrisa/shared/time";
import {
  addEffectCounters,
  counterName,
  groupTotals,
  subtractEffectCounters,
  WINDOWS,
  type Window,
} from "./effect-counters.ts";
import { meanDifference, newcombe, requiredExposures } from "./effect-statistics.ts";
import { Invalid, NotFound } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { EffectCounters, EffectDay, EffectRepository } from "./ports/effect-repository.ts";
import type { FollowUpRulesRepository } from "./ports/follow-up-rules-repository.ts";
import type { RulesRepository } from "./ports/rules-repository.ts";

export interface EffectReportDeps {
  effects: EffectRepository;
  rules: Pick<RulesRepository, "get">;
  followUpRules: FollowUpRulesRepository;
  clock: Clock;
}

/** Fewer people than this in a group is never a claim, whatever its interval says. */
const MIN_GROUP = 10;
/** The difference the "too small" answer is sized for. */
const DETECTABLE = 0.05;

export async function effectReport(
  deps: EffectReportDeps,
  q: { rule: string; from?: string; to?: string },
): Promise<EffectReport> {
  const asOf = deps.clock.now().toISOString().slice(0, 10);
  const to = q.to ?? asOf;
  const from = q.from ?? addDays(to, -364);
  if (from > to) throw new Invalid("`from` must not be after `to`");
  if (daysBetween(from, to) > 400) throw new Invalid("A range covers at most 400 days");
  const [surprise, followUps] = await Promise.all([deps.rules.get(), deps.followUpRules.get()]);
  const asSurprise = surprise.find((r) => r.id === q.rule);
  const asFollowUp = followUps.find((r) => r.id === q.rule);
  const found = asSurprise
    ? { kind: "surprise" as const, name: asSurprise.name }
    : asFollowUp
      ? { kind: "follow-up" as const, name: asFollowUp.name }
      : undefined;
  const days = await deps.effects.days(q.rule, from, to);
  if (!found && !days.length) throw new NotFound(`No rule ${q.rule}`);
  const byRevision = new Map<string, EffectDay[]>();
  for (const d of days) {
    const list = byRevision.get(d.revision);
    if (list) list.push(d);
    else byRevision.set(d.revision, [d]);
  }
  const revisions = [...byRevision.entries()]
    .map(([revision, list]) => revisionEffect(revision, list, asOf))
    .sort((a, b) => b.lastDate.localeCompare(a.lastDate) || b.firstDate.localeCompare(a.firstDate));
  return {
    ruleId: q.rule,
    kind: found ? found.kind : days[0]!.kind,
    name: found ? found.name : q.rule,
    from,
    to,
    asOf,
    revisions,
  };
}

/** One revision: its days summed per date (shards merged), then each window over its closed days. */
function revisionEffect(revision: string, list: EffectDay[], asOf: string): RevisionEffect {
  const byDate = new Map<string, EffectCounters>();
  const all: EffectCounters = {};
  for (const d of list) {
    const day = byDate.get(d.date);
    if (day) addEffectCounters(day, d.counters);
    else byDate.set(d.date, { ...d.counters });
    addEffectCounters(all, d.counters);
  }
  const dates = [...byDate.keys()].sort();
  const t = groupTotals(all, "treatment");
  const h = groupTotals(all, "holdout");
  const exposed = t.exposed + h.exposed;
  const holdoutShare = exposed ? h.exposed / exposed : 0;
  const mean = (sum: number, count: number) => ({ count, mean: count ? sum / count : null });
  const joined = newcombe(t.joined, t.exposed, h.joined, h.exposed);
  return {
    revision,
    firstDate: dates[0]!,
    lastDate: dates.at(-1)!,
    exposed: { treatment: t.exposed, holdout: h.exposed },
    holdoutShare,
    won: t.won,
    windows: WINDOWS.map((w) => windowEffect(w, dates, byDate, all, asOf, holdoutShare)),
    nextScore: {
      treatment: mean(t.nextScoreSum, t.nextScores),
      holdout: mean(h.nextScoreSum, h.nextScores),
    },
    joined: {
      treatment: t.joined,
      holdout: h.joined,
      ...(joined && t.exposed >= MIN_GROUP && h.exposed >= MIN_GROUP ? { difference: joined } : {}),
    },
  };
}

/**
 * A window over the exposure days it has closed for (day + window days before today): the cumulative
 * difference day by day for the chart (from the four counters it needs), and the totals of the closed days
 * as all days' less the few open ones at the end.
 */
function windowEffect(
  w: Window,
  dates: string[],
  byDate: Map<string, EffectCounters>,
  all: EffectCounters,
  asOf: string,
  holdoutShare: number,
): WindowEffect {
  const last = addDays(asOf, -w - 1);
  const closed = dates.filter((d) => d <= last);
  const series: WindowEffect["series"] = [];
  const names = [
    counterName("treatment", `r${w}`),
    counterName("treatment", "n"),
    counterName("holdout", `r${w}`),
    counterName("holdout", "n"),
  ] as const;
  const running = [0, 0, 0, 0];
  for (const date of closed) {
    const day = byDate.get(date)!;
    for (const [i, name] of names.entries()) running[i]! += day[name] ?? 0;
    const d = newcombe(running[0]!, running[1]!, running[2]!, running[3]!);
    if (d) series.push({ date, ...d });
  }
  const sum = { ...all };
  for (const date of dates.slice(closed.length)) subtractEffectCounters(sum, byDate.get(date)!);
  const t = groupTotals(sum, "treatment");
  const h = groupTotals(sum, "holdout");
  const base = {
    days: w,
    maturedThrough: closed.at(-1) ?? null,
    treatment: { exposed: t.exposed, returned: t.returned(w) },
    holdout: { exposed: h.exposed, returned: h.returned(w) },
    series,
    ...purchasesOf(t, h, w),
  };
  if (!closed.length) return { ...base, verdict: "not-yet" };
  const d = newcombe(t.returned(w), t.exposed, h.returned(w), h.exposed);
  const total = t.exposed + h.exposed;
  const baseRate = h.exposed ? h.returned(w) / h.exposed : (t.returned(w) + h.returned(w)) / Math.max(1, total);
  const required = requiredExposures(baseRate, holdoutShare || 0.5, DETECTABLE);
  const clear = d !== undefined && (d.low > 0 || d.high < 0);
  if (!d || t.exposed < MIN_GROUP || h.exposed < MIN_GROUP || (!clear && total < required)) {
    const share = holdoutShare || 0.5;
    const needed = Math.max(
      clear ? 0 : required - total,
      Math.ceil(Math.max(0, MIN_GROUP - h.exposed) / share),
      Math.ceil(Math.max(0, MIN_GROUP - t.exposed) / (1 - share)),
      1,
    );
    return { ...base, verdict: "too-small", needed };
  }
  const verdict: Verdict = d.low > 0 ? "up" : d.high < 0 ? "down" : "no-clear-effect";
  const out: WindowEffect = { ...base, verdict, difference: d };
  const extra = d.estimate * t.exposed;
  if (verdict === "up" && t.won > 0 && extra > 0) {
    out.giftsPerExtraReturn = t.won / extra;
    if (t.costedWins === t.won) out.costPerExtraReturn = t.giftCost / extra;
  }
  return out;
}

/** Purchases and revenue per person, once any exposed person bought something. */
function purchasesOf(t: ReturnType<typeof groupTotals>, h: ReturnType<typeof groupTotals>, w: Window) {
  if (!t.purchases(w) && !h.purchases(w)) return {};
  const tr = t.revenue(w);
  const hr = h.revenue(w);
  const diff = meanDifference(
    { n: t.exposed, sum: tr.sum, squares: tr.squares },
    { n: h.exposed, sum: hr.sum, squares: hr.squares },
  );
  return {
    purchases: {
      treatment: { buyers: t.buyers(w), purchases: t.purchases(w), revenue: tr.sum },
      holdout: { buyers: h.buyers(w), purchases: h.purchases(w), revenue: hr.sum },
      ...(diff && t.exposed >= MIN_GROUP && h.exposed >= MIN_GROUP ? { revenuePerPerson: diff } : {}),
    },
  };
}
