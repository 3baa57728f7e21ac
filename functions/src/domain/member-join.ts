/**
 * Joining the loyalty programme, from the table's stream: an answer whose opt-in carries the loyalty consent
 * appends a `loyalty` grant to the contact's ledger (the consent text's version and SHA-256), makes the contact a
 * member (a member code, the card's secret, the joining visit's stamp, the store's day counters: one transaction)
 * and queues the message with the card's link through the follow-up dispatcher. Joining is an outcome of the
 * contact's earlier exposures (the effect report's "joined afterwards"). Ids derive from the contact and the
 * answer, and every write is conditional, so a redelivered record adds nothing.
 */
import { createHash } from "node:crypto";
import { toBase64Url } from "@sonrisa/shared/otp";
import { MEMBER_CODE_ALPHABET, MEMBER_CODE_LENGTH } from "@sonrisa/shared/schemas/loyalty";
import { cardMessage } from "./card-message.ts";
import { cardToken } from "./cards.ts";
import { channelsOf, deriveConsents, recordIds } from "./consent.ts";
import { loyaltyCounters } from "./day-aggregate.ts";
import { creditOutcomes, type EffectDeps } from "./effects.ts";
import { activeProgram } from "./loyalty-program.ts";
import type { AnswerRecord } from "./ports/answer-records.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { LinkSigner } from "./ports/link-signer.ts";
import type { LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { MemberProfile, MemberRepository } from "./ports/member-repository.ts";
import type { MessageRecord, MessageRepository } from "./ports/message-repository.ts";
import type { StoreRecord } from "./ports/store-repository.ts";

export interface JoinDeps extends EffectDeps {
  contacts: ContactRepository;
  members: MemberRepository;
  program: LoyaltyProgramRepository;
  messages: MessageRepository;
  signer: LinkSigner;
  clock: Clock;
  publicUrl: () => string;
}

/** How long the card's message may wait to be sent. */
const CARD_MESSAGE_EXPIRY_MS = 7 * 86_400_000;
const MAX_CODE_ATTEMPTS = 8;

/** A member's id, derived from its contact: a redelivered join proposes the same member. */
export function memberIdFor(contactId: string): string {
  const h = createHash("sha256").update(`member:${contactId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-b${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The member code of an attempt: derived, so a redelivery proposes the same code; another attempt another one. */
export function memberCodeFor(memberId: string, attempt: number): string {
  const bytes = createHash("sha256").update(`code:${memberId}:${attempt}`).digest();
  let code = "";
  for (let i = 0; code.length < MEMBER_CODE_LENGTH; i++) {
    code += MEMBER_CODE_ALPHABET[bytes[i]! % MEMBER_CODE_ALPHABET.length];
  }
  return code;
}

/** Handles the loyalty half of an opt-in answer (the marketing half is stream-changes.ts's). */
export async function joinFromAnswer(
  deps: JoinDeps,
  answer: AnswerRecord,
  store: StoreRecord,
  contactId: string,
  address: { email?: string; phone?: string },
): Promise<void> {
  const optIn = answer.optIn!;
  const consent = optIn.loyalty!;
  const now = deps.clock.now();
  const lang = answer.lang ?? store.defaultLang;
  const saved = await deps.program.consentVersion(consent.version);
  await deps.contacts.append(
    contactId,
    {
      type: "grant",
      recordId: recordIds.loyalty(answer.id),
      purposes: ["loyalty"],
      channels: channelsOf({ email: optIn.email, phone: optIn.phone }),
      version: consent.version,
      ...(saved ? { textSha256: saved.sha256[lang] } : {}),
      lang,
      storeId: store.storeId,
      deviceId: answer.deviceId,
      answerId: answer.id,
      at: answer.atUtc,
      recordedAt: now.toISOString(),
    },
    deriveConsents,
  );
  const contact = await deps.contacts.get(contactId);
  if (!contact?.loyalty?.active) return; // withdrawn since (a later withdrawal synced first)
  const memberId = contact.memberId ?? (await makeMember(deps, answer, store, contactId, lang));
  if (!memberId) return;
  const ledger = await deps.members.ledger(memberId);
  const program = await activeProgram(deps);
  if (!ledger) return;
  await creditJoin(deps, contactId, ledger.profile);
  const token = await cardToken(deps.signer, memberId);
  const message: MessageRecord = cardMessage({
    memberId,
    contactId,
    store,
    lang,
    address,
    url: `${deps.publicUrl()}/card/${token}`,
    stamps: ledger.stamps.length,
    program,
    now,
    expiresAt: new Date(now.getTime() + CARD_MESSAGE_EXPIRY_MS).toISOString(),
  });
  await deps.messages.create(message);
}

/**
 * Joining as an outcome of the contact's open exposures, at the time the member was made. One event per member
 * (its id is not the joining answer's, which counts as a return visit of its own), so a redelivery counts nothing.
 */
async function creditJoin(deps: EffectDeps, contactId: string, member: MemberProfile): Promise<void> {
  await creditOutcomes(deps, contactId, { kind: "joined", id: `joined:${member.memberId}`, at: member.joinedAt });
}

async function makeMember(
  deps: JoinDeps,
  answer: AnswerRecord,
  store: StoreRecord,
  contactId: string,
  lang: "es" | "en",
): Promise<string | undefined> {
  const memberId = memberIdFor(contactId);
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(20)));
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
    const profile: MemberProfile = {
      memberId,
      contactId,
      code: memberCodeFor(memberId, attempt),
      secret,
      joinedAt: answer.atUtc,
      joinedStore: store.storeId,
      lang,
      rewardsVersion: 0,
    };
    const outcome = await deps.members.create(
      profile,
      {
        reason: "join",
        storeId: store.storeId,
        localDate: answer.localDate,
        at: answer.atUtc,
        answerId: answer.id,
      },
      { storeId: store.storeId, date: answer.localDate, counters: loyaltyCounters.joined() },
    );
    if (outcome === "created") return memberId;
    if (outcome === "exists") return (await deps.contacts.get(contactId))?.memberId;
  }
  throw new Error("Could not find a free member code");
}
