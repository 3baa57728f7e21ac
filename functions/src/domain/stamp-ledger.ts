/**
 * The stamp ledger's rules, pure. Nothing stores a balance: it is derived from the stamps (append-only, each
 * with its reason) and the rewards (each locking the stamps it used) every time it is read, so it cannot drift.
 * A stamp expires `expiryMonths` after it was earned; stamps are spent and expire oldest first; a reward of a tier
 * is ready once the stamps to spend reach it.
 */
import type { LoyaltyProgram, MemberEvent, MemberView, ReadyReward } from "@sonrisa/shared/schemas/loyalty";
import type { MemberLedger, RewardRecord, StampRecord } from "./ports/member-repository.ts";

/** Entries of the history a view shows, newest first. */
export const HISTORY_SHOWN = 50;

/** The instant `months` calendar months after `iso` (UTC), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.toISOString();
}

export function expiresAt(stamp: StampRecord, program: Pick<LoyaltyProgram, "expiryMonths">): string {
  return addMonths(stamp.at, program.expiryMonths);
}

const oldestFirst = (a: StampRecord, b: StampRecord) => a.at.localeCompare(b.at) || a.stampId.localeCompare(b.stampId);

/** Rewards that hold their stamps: issued ones wait to be redeemed, redeemed ones spent them for good. */
function lockedIds(rewards: readonly RewardRecord[]): Set<string> {
  return new Set(rewards.filter((r) => r.status !== "cancelled").flatMap((r) => r.stampIds));
}

/** The stamps to spend at `now`: not locked by a reward, not expired; oldest first. */
export function spendable(ledger: Pick<MemberLedger, "stamps" | "rewards">, program: LoyaltyProgram, now: Date) {
  const locked = lockedIds(ledger.rewards);
  const at = now.toISOString();
  return ledger.stamps.filter((s) => !locked.has(s.stampId) && expiresAt(s, program) > at).sort(oldestFirst);
}

/** The stamps a reward of `stamps` would lock (the oldest to spend), or undefined when there are too few. */
export function pickStamps(
  ledger: Pick<MemberLedger, "stamps" | "rewards">,
  program: LoyaltyProgram,
  now: Date,
  stamps: number,
): string[] | undefined {
  const available = spendable(ledger, program, now);
  return available.length >= stamps ? available.slice(0, stamps).map((s) => s.stampId) : undefined;
}

/** The stamps of the next tier above `balance`, or the top tier's once every tier is reached. */
export function nextTier(program: LoyaltyProgram, balance: number): number {
  const tiers = program.tiers.map((t) => t.stamps);
  return tiers.find((n) => n > balance) ?? tiers.at(-1) ?? 0;
}

/** A member as staff, the kiosk and the card see them. */
export function memberView(ledger: MemberLedger, program: LoyaltyProgram, now: Date): MemberView {
  const available = spendable(ledger, program, now);
  const issued: ReadyReward[] = ledger.rewards
    .filter((r) => r.status === "issued")
    .map((r) => ({ stamps: r.stamps, gift: r.gift, rewardId: r.rewardId }));
  const reachable: ReadyReward[] = program.tiers
    .filter((t) => t.stamps <= available.length)
    .map((t) => ({ stamps: t.stamps, gift: t.gift.name }));
  const oldest = available[0];
  const expiring = oldest
    ? {
        at: expiresAt(oldest, program),
        stamps: available.filter((s) => expiresAt(s, program) === expiresAt(oldest, program)).length,
      }
    : undefined;
  return {
    code: ledger.profile.code,
    stamps: available.length,
    of: nextTier(program, available.length),
    rewardsReady: [...issued, ...reachable],
    ...(expiring ? { expiring } : {}),
    history: history(ledger, program, now),
  };
}

function history(ledger: MemberLedger, program: LoyaltyProgram, now: Date): MemberEvent[] {
  const at = now.toISOString();
  const stamps: MemberEvent[] = ledger.stamps.map((s) => ({
    kind: "stamp",
    at: s.at,
    storeId: s.storeId,
    reason: s.reason,
    ...(s.note ? { note: s.note } : {}),
    ...(expiresAt(s, program) <= at ? { expired: true } : {}),
  }));
  const rewards: MemberEvent[] = ledger.rewards.map((r) => ({
    kind: "reward",
    at: r.redeemedAt ?? r.cancelledAt ?? r.issuedAt,
    storeId: r.redeemedStore ?? r.storeId,
    status: r.status,
    stamps: r.stamps,
    gift: r.gift,
  }));
  return [...stamps, ...rewards].sort((a, b) => b.at.localeCompare(a.at)).slice(0, HISTORY_SHOWN);
}
