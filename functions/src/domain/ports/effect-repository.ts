/**
 * Exposures of identified people to a rule's treatment or holdout, and the per-rule, per-revision, per-day
 * counters the effect report sums. The domain decides every value (domain/effect-counters.ts names them);
 * the repository only stores an exposure with its counters, or a credited exposure with the counters' change,
 * each atomically.
 */

export type RuleKind = "surprise" | "follow-up";
export type EffectGroup = "treatment" | "holdout";

/** One identified person's first qualifying answer under one revision of one rule, and what followed. */
export interface ExposureRecord {
  contactId: string;
  kind: RuleKind;
  ruleId: string;
  /** a fingerprint of the rule's parameters when the answer was decided (domain/effects.ts, ruleRevision) */
  revision: string;
  group: EffectGroup;
  answerId: string;
  storeId: string;
  /** the exposing answer's tap time (UTC ISO) and UTC date: the day whose counters it belongs to */
  at: string;
  date: string;
  /** the surprise gift was won (treatment only) */
  won: boolean;
  /** what the won gift cost, from its stock item's unit cost, when that is known */
  giftCost?: number;
  /** windows (days) within which the person came back, as credited so far */
  returned: number[];
  /** the first identified visit after the exposure */
  next?: { at: string; score: number };
  /** joined the loyalty programme or opted in afterwards (within the longest window) */
  joined: boolean;
  /** purchases and revenue (minor units) in each window, keyed by the window's days */
  purchases: Record<string, { count: number; amount: number }>;
  /** ids of the events already credited (a redelivered event adds nothing) */
  events: string[];
  /** bumped by every credit: a credit is written only over the version it was computed from */
  version: number;
}

/** Additions to one rule's day counters (names from domain/effect-counters.ts). */
export type EffectCounters = Record<string, number>;

/** One rule revision's counters of one UTC day (exposure day). */
export interface EffectDay {
  ruleId: string;
  kind: RuleKind;
  revision: string;
  date: string;
  counters: EffectCounters;
}

export interface EffectRepository {
  /**
   * Stores the exposure and adds `counters` to its rule's day, both or neither, unless this person was already
   * exposed under this rule revision (false then: only a person's first exposure counts, so one person is one
   * trial, and a redelivered answer adds nothing).
   */
  expose(exposure: ExposureRecord, counters: EffectCounters): Promise<boolean>;
  /** A person's exposures whose time lies in [fromUtc, toUtc), oldest first. */
  exposuresOf(contactId: string, fromUtc: string, toUtc: string): Promise<ExposureRecord[]>;
  /** One exposure as stored now (after a lost race). */
  get(contactId: string, at: string, ruleId: string): Promise<ExposureRecord | undefined>;
  /**
   * Replaces the exposure by `after` and adds `counters` to its day, both or neither, only while the stored one
   * is still at `after.version - 1`; false when another credit got in first.
   */
  credit(after: ExposureRecord, counters: EffectCounters): Promise<boolean>;
  /**
   * What one event did, in one write: every credit (as `credit`) and every new exposure (as `expose`), all or
   * none. False, with nothing written, when any of them would not hold (another credit got in first, the person
   * was exposed already) or they do not fit one write: the caller then goes one by one.
   */
  creditAndExpose(
    credits: ReadonlyArray<{ after: ExposureRecord; counters: EffectCounters }>,
    exposures: ReadonlyArray<{ exposure: ExposureRecord; counters: EffectCounters }>,
  ): Promise<boolean>;
  /** A rule's day counters over UTC dates `from`..`to`, every revision. */
  days(ruleId: string, from: string, to: string): Promise<EffectDay[]>;
}
