/** What follow-ups did: a rule's messages page by page, and every rule's counts over UTC dates. */
import type { FollowUpMessages, FollowUpMessagesQuery, FollowUpStats } from "@sonrisa/shared/schemas/follow-ups";
import { addDays, daysBetween } from "@sonrisa/shared/time";
import { messageView } from "./contacts.ts";
import { Invalid } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { FollowUpRulesRepository } from "./ports/follow-up-rules-repository.ts";
import type { MessageRepository } from "./ports/message-repository.ts";

export interface FollowUpReportDeps {
  messages: MessageRepository;
  followUpRules: FollowUpRulesRepository;
  clock: Clock;
}

/** UTC dates; `to` defaults to today and `from` to 29 days before; at most 400 days. */
function range(deps: FollowUpReportDeps, q: { from?: string; to?: string }) {
  const to = q.to ?? deps.clock.now().toISOString().slice(0, 10);
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw new Invalid("`from` must not be after `to`");
  if (daysBetween(from, to) > 400) throw new Invalid("A range covers at most 400 days");
  return { from, to };
}

export async function followUpMessages(deps: FollowUpReportDeps, q: FollowUpMessagesQuery): Promise<FollowUpMessages> {
  const { from, to } = range(deps, q);
  const page = await deps.messages.byRule(
    q.ruleId,
    `${from}T00:00:00.000Z`,
    `${to}T23:59:59.999Z`,
    q.limit ?? 50,
    q.cursor,
  );
  return { ruleId: q.ruleId, from, to, messages: page.items.map(messageView), cursor: page.cursor ?? null };
}

export async function followUpStats(
  deps: FollowUpReportDeps,
  q: { from?: string; to?: string },
): Promise<FollowUpStats> {
  const { from, to } = range(deps, q);
  const ruleIds = (await deps.followUpRules.get()).map((r) => r.id);
  const counts = await deps.messages.counts(ruleIds, from, to);
  return { from, to, rules: ruleIds.map((ruleId) => ({ ruleId, counts: counts.get(ruleId)! })) };
}
