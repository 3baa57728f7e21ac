/**
 * Members identified at the kiosk, for ingestion: each identified answer (`member: {phone}` or `{code}`) is
 * resolved (identity → contact → member, or member code → member), and the batch's answers are planned in tap
 * order so that the first answer of a member on a store-local day claims that day's visit stamp and every other
 * one finds it claimed ("already"). The stamp is then written in the answer's own transaction, under its key
 * (member, store, local day of the tap), only if absent. Unknown phones and codes count as guesses, per device and
 * per client address: past the limit, identifications are not even looked up (the answer is stored all the same).
 */
import type { LoyaltyProgram, MemberResult } from "@sonrisa/shared/schemas/loyalty";
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import { activeProgram } from "./loyalty-program.ts";
import { resolveMember } from "./members.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { MemberLedger, MemberRepository } from "./ports/member-repository.ts";
import type { StoreRecord } from "./ports/store-repository.ts";
import type { ThrottleRepository } from "./ports/throttle-repository.ts";
import { nextTier, spendable } from "./stamp-ledger.ts";
import { allowance, type Bucket, failMany, MEMBER_GUESS } from "./throttle.ts";

export interface IdentifyDeps {
  members: MemberRepository;
  contacts: Pick<ContactRepository, "byIdentity" | "get">;
  program: LoyaltyProgramRepository;
  throttles: ThrottleRepository;
  clock: Clock;
  log: AuditLog;
}

/** What the answer writer needs to know of an identified answer. */
export interface PlannedMember {
  memberId: string;
  /** this answer claims the visit stamp of its store and local day (nobody has it yet, as read) */
  claim: boolean;
  /** the member had an identified visit to this store on an earlier local day */
  returning: boolean;
  /** stamps to spend before this answer's stamp, and the programme's tiers */
  stamps: number;
  program: LoyaltyProgram;
  /** the answer that holds the day's visit stamp already, if any */
  stampedBy?: string;
}

/** An answer to identify: its id, who it names, and the store-local date of its tap. */
export interface ToIdentify {
  id: string;
  at: string;
  localDate: string;
  member: NonNullable<ResponseItem["member"]>;
}

export type Identified = PlannedMember | "unknown";

/** The guess buckets of a kiosk: its device, and its client address. */
export function kioskGuessBuckets(storeId: string, deviceId: string, client: string): Bucket[] {
  return [
    { key: `member-guess-device:${deviceId}`, policy: MEMBER_GUESS },
    { key: `member-guess-client:${storeId}:${client}`, policy: MEMBER_GUESS },
  ];
}

/**
 * Resolves and plans the identified answers of a batch (empty while the programme is off). Each distinct phone or
 * code is looked up once; the answers of one member and day are planned in tap order.
 */
export async function identifyMembers(
  deps: IdentifyDeps,
  store: StoreRecord,
  kiosk: { deviceId: string; client: string },
  answers: ToIdentify[],
): Promise<Map<string, Identified>> {
  const out = new Map<string, Identified>();
  if (answers.length === 0) return out;
  const buckets = kioskGuessBuckets(store.storeId, kiosk.deviceId, kiosk.client);
  const [program, left] = await Promise.all([activeProgram(deps), allowance(deps, buckets)]);
  if (!program) return out;
  let allowed = left;
  const ledgers = new Map<string, MemberLedger | undefined>();
  let failures = 0;
  for (const answer of answers) {
    const who = answer.member.code ? `code:${answer.member.code}` : `phone:${answer.member.phone}`;
    if (!ledgers.has(who)) {
      if (allowed <= 0) {
        out.set(answer.id, "unknown");
        continue;
      }
      const ledger = await resolveMember(deps, store, answer.member);
      ledgers.set(who, ledger);
      if (!ledger) {
        failures++;
        allowed--;
      }
    }
    if (!ledgers.get(who)) out.set(answer.id, "unknown");
  }
  await failMany(deps, buckets, failures);
  const now = deps.clock.now();
  const claimed = new Set<string>();
  for (const answer of [...answers].sort((a, b) => a.at.localeCompare(b.at))) {
    if (out.has(answer.id)) continue;
    const who = answer.member.code ? `code:${answer.member.code}` : `phone:${answer.member.phone}`;
    const ledger = ledgers.get(who)!;
    const memberId = ledger.profile.memberId;
    const visits = ledger.stamps.filter(
      (s) => (s.reason === "visit" || s.reason === "join") && s.storeId === store.storeId,
    );
    const sameDay = visits.find((s) => s.localDate === answer.localDate);
    const day = `${memberId}/${answer.localDate}`;
    const claim = !sameDay && !claimed.has(day);
    if (claim) claimed.add(day);
    out.set(answer.id, {
      memberId,
      claim,
      returning: visits.some((s) => s.localDate < answer.localDate),
      stamps: spendable(ledger, program, now).length,
      program,
      ...(sameDay?.answerId ? { stampedBy: sameDay.answerId } : {}),
    });
  }
  return out;
}

/**
 * What the kiosk is told: "stamped" with the count after the stamp, "already" with the count, or "unknown".
 * `visit` is what the answer's transaction did with the stamp it claimed: wrote it, or found it written by another
 * answer of the member's day (which the count then includes); a repeat of the answer that wrote it says "stamped".
 */
export function memberResult(identified: Identified, answerId: string, visit?: "stamped" | "taken"): MemberResult {
  if (identified === "unknown") return { status: "unknown" };
  const mine = visit === "stamped" || identified.stampedBy === answerId;
  const stamps = identified.stamps + (visit ? 1 : 0);
  return { status: mine ? "stamped" : "already", stamps, of: nextTier(identified.program, stamps) };
}
