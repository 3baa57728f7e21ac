/**
 * Outcomes per exposure. An identified answer that qualified for a surprise or follow-up rule exposes its
 * person to that rule's treatment or holdout (the group drawn by a hash of the answer id); later events of
 * the person — an identified answer, a purchase, joining the programme — credit the person's open exposures
 * (those of the last 60 days), and each credit moves the rule's day counters by what it changed. Nothing here
 * reads answers in bulk: an event reads one person's exposures.
 *
 * Callers: the table's stream consumer for identified answers, opted-in or a member's (domain/stream-changes.ts),
 * purchases (domain/purchases.ts) and joining the loyalty programme (domain/member-join.ts).
 */
import { createHash } from "node:crypto";
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { creditCounters, exposureCounters, LONGEST_WINDOW_DAYS, WINDOWS } from "./effect-counters.ts";
import type { EffectGroup, EffectRepository, ExposureRecord, RuleKind } from "./ports/effect-repository.ts";

const DAY_MS = 86_400_000;
/** Credits lost to concurrent credits of the same exposure are computed again, a few times at most. */
const CREDIT_ATTEMPTS = 8;

export interface EffectDeps {
  effects: EffectRepository;
}

/** Something a person did that may be an outcome of an earlier exposure; `id` makes it count once. */
export type OutcomeEvent =
  /** an identified answer (an answer linked to the person: an opt-in today, a member identified later) */
  | { kind: "answer"; id: string; at: string; score: number }
  /** a purchase of the person at any store; `amount` in minor units */
  | { kind: "purchase"; id: string; at: string; amount: number }
  /** the person joined the loyalty programme or opted in */
  | { kind: "joined"; id: string; at: string };

/**
 * A rule's revision: a fingerprint of what decides who qualifies and what they get (not its name or whether
 * it is on), so an edit that changes the rule starts a new revision and the report keeps them apart.
 */
export function ruleRevision(rule: SurpriseRule | FollowUpRule): string {
  let revision = revisions.get(rule);
  if (!revision) {
    const { name: _name, enabled: _enabled, ...decisive } = rule as SurpriseRule;
    revision = createHash("sha256").update(canonical(decisive)).digest("hex").slice(0, 10);
    revisions.set(rule, revision);
  }
  return revision;
}

/** Rules are read once per few seconds and decide many answers: each object is hashed once. */
const revisions = new WeakMap<object, string>();

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What exposes a person: the rule, its revision, the group, and for a surprise whether (and at what cost) it won. */
export interface ExposureOf {
  kind: RuleKind;
  ruleId: string;
  revision: string;
  group: EffectGroup;
  won?: boolean;
  giftCost?: number;
}

/** The answer's exposure of its person under one rule revision, before any outcome. */
export function exposureOf(
  contactId: string,
  answer: { id: string; storeId: string; at: string },
  x: ExposureOf,
): ExposureRecord {
  return {
    contactId,
    kind: x.kind,
    ruleId: x.ruleId,
    revision: x.revision,
    group: x.group,
    answerId: answer.id,
    storeId: answer.storeId,
    at: answer.at,
    date: answer.at.slice(0, 10),
    won: x.won ?? false,
    ...(x.giftCost !== undefined ? { giftCost: x.giftCost } : {}),
    returned: [],
    joined: false,
    purchases: {},
    events: [],
    version: 0,
  };
}

/**
 * Credits the event to every open exposure of the person (made before it, at most 60 days before). Safe to
 * repeat: an exposure remembers the events it counted. Returns how many exposures changed.
 */
export async function creditOutcomes(deps: EffectDeps, contactId: string, event: OutcomeEvent): Promise<number> {
  return (await creditAndExpose(deps, contactId, event)).changed;
}

/**
 * Credits the event to the person's open exposures and records the new exposures `exposing` makes, knowing those
 * open ones (an identified answer's own): in one write when nothing raced it, else one by one. A person already
 * exposed under a rule revision is not again. Answers how many open exposures the event changed.
 */
export async function creditAndExpose(
  deps: EffectDeps,
  contactId: string,
  event: OutcomeEvent,
  exposing: (open: ExposureRecord[]) => Promise<ExposureRecord[]> = async () => [],
): Promise<{ changed: number }> {
  const at = Date.parse(event.at);
  const open = await deps.effects.exposuresOf(
    contactId,
    new Date(at - LONGEST_WINDOW_DAYS * DAY_MS).toISOString(),
    event.at,
  );
  const credits = open.flatMap((before) => {
    const after = applyEvent(before, event);
    return after ? [{ after, counters: creditCounters(before, after) }] : [];
  });
  const exposures = await exposing(open);
  if (credits.length === 0 && exposures.length === 0) return { changed: 0 };
  const made = exposures.map((exposure) => ({ exposure, counters: exposureCounters(exposure) }));
  if (await deps.effects.creditAndExpose(credits, made)) return { changed: credits.length };
  // Something got in first (a concurrent credit, an earlier exposure): each write on its own, each checked.
  const changed = await creditEach(deps, contactId, event, open);
  for (const { exposure, counters } of made) await deps.effects.expose(exposure, counters);
  return { changed };
}

/** Credits the event to each exposure, reading one again when another credit got in first. */
async function creditEach(
  deps: EffectDeps,
  contactId: string,
  event: OutcomeEvent,
  open: ExposureRecord[],
): Promise<number> {
  let changed = 0;
  for (let exposure of open) {
    for (let attempt = 0; attempt < CREDIT_ATTEMPTS; attempt++) {
      const after = applyEvent(exposure, event);
      if (!after) break;
      if (await deps.effects.credit(after, creditCounters(exposure, after))) {
        changed++;
        break;
      }
      const now = await deps.effects.get(contactId, exposure.at, exposure.ruleId);
      if (!now) break;
      exposure = now;
    }
  }
  return changed;
}

/** The exposure with the event counted, or undefined when the event changes nothing (counted, too late, or before). */
export function applyEvent(e: ExposureRecord, event: OutcomeEvent): ExposureRecord | undefined {
  if (e.events.includes(event.id) || event.id === e.answerId) return undefined;
  const elapsed = Date.parse(event.at) - Date.parse(e.at);
  if (elapsed <= 0 || elapsed > LONGEST_WINDOW_DAYS * DAY_MS) return undefined;
  const within = WINDOWS.filter((w) => elapsed <= w * DAY_MS);
  const after: ExposureRecord = {
    ...e,
    returned: [...e.returned],
    purchases: { ...e.purchases },
    events: [...e.events, event.id],
    version: e.version + 1,
  };
  if (event.kind === "answer" || event.kind === "purchase") {
    for (const w of within) if (!after.returned.includes(w)) after.returned.push(w);
  }
  if (event.kind === "answer" && (!e.next || e.next.at > event.at)) after.next = { at: event.at, score: event.score };
  if (event.kind === "purchase") {
    for (const w of within) {
      const p = after.purchases[w] ?? { count: 0, amount: 0 };
      after.purchases[w] = { count: p.count + 1, amount: p.amount + event.amount };
    }
  }
  if (event.kind === "joined") after.joined = true;
  return after;
}
