/**
 * The effect report: what a surprise or follow-up rule did to the identified people it exposed, against its
 * randomised holdout, per revision of the rule, over the exposures whose outcome window has closed.
 */
import { z } from "zod";
import { LocalDate, Slug } from "./common.ts";

/** GET /v1/campaigns/effect?rule&from&to (UTC dates of the exposures; a year back from today by default). */
export const EffectQuery = z.strictObject({
  rule: Slug,
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});
export type EffectQuery = z.infer<typeof EffectQuery>;

/** A difference with its 95 % interval (proportions as fractions, revenue in minor units). */
export const Difference = z.strictObject({ estimate: z.number(), low: z.number(), high: z.number() });
export type Difference = z.infer<typeof Difference>;

const GroupRate = z.strictObject({ exposed: z.number().int(), returned: z.number().int() });

/**
 * `effect`: the interval excludes 0 (`up` or `down`); `no-clear-effect`: enough people and the interval holds 0;
 * `too-small`: not enough people to tell, `needed` more exposures to detect 5 points; `not-yet`: no exposure
 * of the period has had the whole window yet.
 */
export const Verdict = z.enum(["up", "down", "no-clear-effect", "too-small", "not-yet"]);
export type Verdict = z.infer<typeof Verdict>;

export const WindowEffect = z.strictObject({
  days: z.number().int(),
  /** the last exposure day whose window has closed (null: none yet) */
  maturedThrough: LocalDate.nullable(),
  treatment: GroupRate,
  holdout: GroupRate,
  verdict: Verdict,
  /** only with `up`, `down` or `no-clear-effect` */
  difference: Difference.optional(),
  /** with `too-small`: how many more identified exposures a 5-point difference needs */
  needed: z.number().int().optional(),
  /** with `up` and won gifts: gifts per extra return, and their cost when every won gift had a unit cost */
  giftsPerExtraReturn: z.number().optional(),
  costPerExtraReturn: z.number().optional(),
  /** purchases in the window (present once purchases come in): buyers, and revenue per exposed person */
  purchases: z
    .strictObject({
      treatment: z.strictObject({ buyers: z.number().int(), purchases: z.number().int(), revenue: z.number() }),
      holdout: z.strictObject({ buyers: z.number().int(), purchases: z.number().int(), revenue: z.number() }),
      revenuePerPerson: Difference.optional(),
    })
    .optional(),
  /** the cumulative difference by exposure day, with its interval (days with both groups only) */
  series: z.array(z.strictObject({ date: LocalDate, estimate: z.number(), low: z.number(), high: z.number() })),
});
export type WindowEffect = z.infer<typeof WindowEffect>;

const GroupMean = z.strictObject({ count: z.number().int(), mean: z.number().nullable() });

export const RevisionEffect = z.strictObject({
  revision: z.string(),
  firstDate: LocalDate,
  lastDate: LocalDate,
  exposed: z.strictObject({ treatment: z.number().int(), holdout: z.number().int() }),
  /** the rule's holdout share as drawn (holdout ÷ all exposed) */
  holdoutShare: z.number(),
  /** surprise gifts won by the exposed treatment group */
  won: z.number().int(),
  windows: z.array(WindowEffect),
  /** the next visit's score (descriptive: only people who came back have one) */
  nextScore: z.strictObject({ treatment: GroupMean, holdout: GroupMean }),
  /** joined the programme or opted in within 60 days, with its difference when both groups have people */
  joined: z.strictObject({
    treatment: z.number().int(),
    holdout: z.number().int(),
    difference: Difference.optional(),
  }),
});
export type RevisionEffect = z.infer<typeof RevisionEffect>;

export const EffectReport = z.strictObject({
  ruleId: z.string(),
  kind: z.enum(["surprise", "follow-up"]),
  name: z.string(),
  from: LocalDate,
  to: LocalDate,
  /** the report's today (UTC): windows are closed up to it */
  asOf: LocalDate,
  /** the newest revision first */
  revisions: z.array(RevisionEffect),
});
export type EffectReport = z.infer<typeof EffectReport>;
