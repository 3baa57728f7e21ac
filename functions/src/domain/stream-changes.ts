/**
 * What the table's stream sets off. A new answer with an opt-in makes or finds its contact, appends the consent
 * grant, queues its follow-ups and tracks the person for the effect report (domain/identified-answers.ts); an
 * answer of a member identified at the kiosk tracks the member's contact the same way; a negative answer may
 * raise a spike alert; a stock change may raise a low-stock alert. Every write is keyed by what caused it and
 * conditional, so a redelivered record adds nothing.
 */
import { createHash } from "node:crypto";
import { type AlertDeps, checkLowStock, checkNegativeSpike } from "./alerts.ts";
import { channelsOf, deriveConsents, recordIds } from "./consent.ts";
import { identitiesOf, normaliseEmail, normaliseHandle, normalisePhone } from "./contact-identity.ts";
import { planFollowUps } from "./follow-up-messages.ts";
import { type IdentifiedAnswerDeps, onIdentifiedAnswer } from "./identified-answers.ts";
import { type JoinDeps, joinFromAnswer } from "./member-join.ts";
import type { AnswerRecord, AnswerRecords } from "./ports/answer-records.ts";
import type { ConsentTexts } from "./ports/consent-texts.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { FollowUpRulesRepository } from "./ports/follow-up-rules-repository.ts";
import type { LinkSigner } from "./ports/link-signer.ts";
import type { MessageRepository } from "./ports/message-repository.ts";
import type { StoreRecord } from "./ports/store-repository.ts";
import type { TableChanges } from "./ports/table-changes.ts";

export interface StreamDeps extends AlertDeps, JoinDeps, IdentifiedAnswerDeps {
  changes: TableChanges;
  answers: AnswerRecords;
  contacts: ContactRepository;
  consentTexts: ConsentTexts;
  followUpRules: FollowUpRulesRepository;
  messages: MessageRepository;
  signer: LinkSigner;
  /** where links in messages point (https in AWS) */
  publicUrl: () => string;
}

/** Handles one stream record; throws to have it retried (it is safe to run again). */
export async function handleTableChange(deps: StreamDeps, record: unknown): Promise<void> {
  const change = deps.changes.read(record);
  if (!change) return;
  if (change.kind === "stock") return checkLowStock(deps, change);
  // Most answers neither opt in, name a member nor score low: nothing to read for them.
  if (!change.optIn && !change.memberId && (change.misuse || change.score > 2)) return;
  // Read as stored now, not as the record says: an erased answer must not bring its contact back.
  const answer = await deps.answers.get(change.answerId);
  if (!answer) return;
  const store = await deps.stores.get(answer.storeId);
  if (!store) return;
  const tracked = answer.optIn && !answer.erasedAt ? await onOptIn(deps, answer, store) : undefined;
  if (answer.memberId && !answer.erasedAt && tracked === undefined) await onMemberAnswer(deps, answer);
  if (!answer.misuse && answer.score <= 2) await checkNegativeSpike(deps, answer, store);
}

/** A new contact's id, derived from the answer that made it, so a redelivery proposes the same one. */
export function contactIdFor(answerId: string): string {
  const h = createHash("sha256").update(`contact:${answerId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A member identified at the kiosk (without an opt-in of the answer's own to track it) is an identified return
 * visit of the member's contact: an outcome of its exposures, and an exposure to the rules it qualified for.
 */
async function onMemberAnswer(deps: StreamDeps, answer: AnswerRecord): Promise<void> {
  const member = await deps.members.ledger(answer.memberId!);
  if (!member) return; // erased since
  await onIdentifiedAnswer(deps, member.profile.contactId, answer);
}

/** The opt-in's contact, grants, card and follow-ups; returns the contact when the answer was tracked as its. */
async function onOptIn(deps: StreamDeps, answer: AnswerRecord, store: StoreRecord): Promise<string | undefined> {
  const optIn = answer.optIn!;
  const now = deps.clock.now();
  const lang = answer.lang ?? store.defaultLang;
  const email = optIn.email ? normaliseEmail(optIn.email) : undefined;
  const phone = optIn.phone ? normalisePhone(optIn.phone, store.timeZone) : undefined;
  const social = optIn.social
    ? {
        network: optIn.social.network,
        handle: normaliseHandle(optIn.social.network, optIn.social.handle).split(":")[1]!,
      }
    : undefined;
  const { contactId } = await deps.contacts.findOrCreate(identitiesOf(optIn, store.timeZone), {
    contactId: contactIdFor(answer.id),
    email,
    phone,
    social,
    lang,
    storeId: store.storeId,
    at: answer.atUtc,
  });
  if (optIn.loyalty) await joinFromAnswer(deps, answer, store, contactId, { email, phone });
  if (!optIn.consent) {
    // Joining without marketing consent: the answer is still the member's, identified by the opt-in.
    if (!optIn.loyalty) return undefined;
    await onIdentifiedAnswer(deps, contactId, answer);
    return contactId;
  }
  const text = await deps.consentTexts.get(store.storeId, optIn.consent.version, lang);
  await deps.contacts.append(
    contactId,
    {
      type: "grant",
      recordId: recordIds.grant(answer.id),
      purposes: ["marketing"],
      channels: channelsOf(optIn),
      version: optIn.consent.version,
      ...(text ? { textSha256: text.sha256 } : {}),
      lang,
      storeId: store.storeId,
      deviceId: answer.deviceId,
      answerId: answer.id,
      at: answer.atUtc,
      recordedAt: now.toISOString(),
    },
    deriveConsents,
  );
  const messages = await planFollowUps(deps.signer, await deps.followUpRules.get(), {
    answer,
    store,
    contactId,
    address: { email, phone },
    publicUrl: deps.publicUrl(),
    now,
  });
  for (const message of messages) await deps.messages.create(message);
  await onIdentifiedAnswer(deps, contactId, answer, messages);
  return contactId;
}
