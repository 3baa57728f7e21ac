/**
 * Contacts for marketing and admins: the list with active consent (or one found by e-mail, phone or handle),
 * a contact's ledger, answers and messages, an admin's export of everything held, and erasure, which removes
 * the person everywhere and leaves anonymous scores, reasons and aggregates exactly as they were.
 */
import type { Localized } from "@sonrisa/shared/schemas/common";
import type { Contact, ContactDetail, ContactExport, ContactList, Erasure } from "@sonrisa/shared/schemas/contacts";
import type { MessageView } from "@sonrisa/shared/schemas/follow-ups";
import { recordIds } from "./consent.ts";
import { identitiesForSearch } from "./contact-identity.ts";
import { NotFound } from "./errors.ts";
import { cancelQueued, withdraw } from "./links.ts";
import { DEFAULT_PROGRAM } from "./loyalty-program.ts";
import type { AnswerRecord, AnswerRecords } from "./ports/answer-records.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRecord, ContactRepository } from "./ports/contact-repository.ts";
import type { Ids } from "./ports/ids.ts";
import type { LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { MemberRepository } from "./ports/member-repository.ts";
import type { MessageRecord, MessageRepository } from "./ports/message-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { memberView } from "./stamp-ledger.ts";

export interface ContactDeps {
  contacts: ContactRepository;
  messages: MessageRepository;
  answers: AnswerRecords;
  stores: StoreRepository;
  members: MemberRepository;
  program: LoyaltyProgramRepository;
  clock: Clock;
  ids: Ids;
}

export function contactView(record: ContactRecord): Contact {
  const { ledgerVersion: _v, ...contact } = record;
  return contact;
}

export function messageView(m: MessageRecord): MessageView {
  return {
    messageId: m.messageId,
    kind: m.kind,
    ...(m.ruleId ? { ruleId: m.ruleId } : {}),
    storeId: m.storeId,
    ...(m.contactId ? { contactId: m.contactId } : {}),
    channel: m.channel,
    lang: m.lang,
    status: m.status,
    ...(m.reason ? { reason: m.reason } : {}),
    ...(m.tapAt ? { tapAt: m.tapAt } : {}),
    dueAt: m.dueAt,
    createdAt: m.createdAt,
    ...(m.claimedAt ? { claimedAt: m.claimedAt } : {}),
    ...(m.sentAt ? { sentAt: m.sentAt } : {}),
    clicks: m.clicks,
    ...(m.subject ? { subject: m.subject } : {}),
  };
}

/** GET /v1/contacts: with `q`, the contacts owning what it names (any consent state); else the active ones. */
export async function listContacts(
  deps: ContactDeps,
  query: { q?: string; cursor?: string; limit?: number },
): Promise<ContactList> {
  if (query.q) {
    const zones = [...new Set((await deps.stores.list()).map((s) => s.timeZone))];
    const ids = await Promise.all(identitiesForSearch(query.q, zones).map((i) => deps.contacts.byIdentity(i)));
    const found = await Promise.all(
      [...new Set(ids.filter((id): id is string => Boolean(id)))].map((id) => deps.contacts.get(id)),
    );
    return { contacts: found.filter((c): c is ContactRecord => Boolean(c)).map(contactView), cursor: null };
  }
  const page = await deps.contacts.listActive(query.limit ?? 50, query.cursor);
  return { contacts: page.items.map(contactView), cursor: page.cursor ?? null };
}

async function contactOrNotFound(deps: ContactDeps, contactId: string): Promise<ContactRecord> {
  const contact = await deps.contacts.get(contactId);
  if (contact) return contact;
  const tombstone = await deps.contacts.tombstone(contactId);
  throw new NotFound(tombstone ? `This contact was erased on ${tombstone.erasedAt}` : "No contact with that id");
}

async function messagesOf(deps: ContactDeps, contactId: string): Promise<MessageRecord[]> {
  const all = await Promise.all((await deps.contacts.messageIds(contactId)).map((id) => deps.messages.get(id)));
  return all.filter((m): m is MessageRecord => Boolean(m)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The answers a contact's grants name. */
function answerIdsOf(ledger: Awaited<ReturnType<ContactRepository["ledger"]>>): string[] {
  return [...new Set(ledger.flatMap((r) => (r.type === "grant" ? [r.answerId] : [])))];
}

/** GET /v1/contacts/{contactId}: the ledger, linked answers (opt-ins and identified visits), messages, the card. */
export async function getContact(deps: ContactDeps, contactId: string): Promise<ContactDetail> {
  const contact = await contactOrNotFound(deps, contactId);
  const ledger = await deps.contacts.ledger(contactId);
  const member = contact.memberId ? await deps.members.ledger(contact.memberId) : undefined;
  const visits = new Set(
    (member?.stamps ?? []).flatMap((s) => (s.reason === "visit" && s.answerId ? [s.answerId] : [])),
  );
  const ids = [...new Set([...answerIdsOf(ledger), ...visits])];
  const answers = (await Promise.all(ids.map((id) => deps.answers.get(id)))).sort((a, b) =>
    (b?.atUtc ?? "").localeCompare(a?.atUtc ?? ""),
  );
  const program = member ? ((await deps.program.get())?.program ?? DEFAULT_PROGRAM) : undefined;
  return {
    contact: contactView(contact),
    ledger,
    answers: answers
      .filter((a) => a !== undefined)
      .map((a) => ({
        answerId: a.id,
        storeId: a.storeId,
        at: a.atUtc,
        score: a.score,
        ...(a.comment ? { comment: a.comment } : {}),
        ...(a.lang ? { lang: a.lang } : {}),
        ...(visits.has(a.id) ? { identified: true } : {}),
        ...(giftOf(a) ? { gift: giftOf(a) } : {}),
      })),
    messages: (await messagesOf(deps, contactId)).map(messageView),
    ...(member && program ? { member: memberView(member, program, deps.clock.now()) } : {}),
  };
}

function giftOf(answer: AnswerRecord): Localized | undefined {
  const s = (answer as { surprise?: { outcome?: string; gift?: Localized } }).surprise;
  return s?.outcome === "won" ? s.gift : undefined;
}

/** GET /v1/contacts/{contactId}/export: everything held about the person, bodies and answers included. */
export async function exportContact(deps: ContactDeps, contactId: string): Promise<ContactExport> {
  const contact = await contactOrNotFound(deps, contactId);
  const ledger = await deps.contacts.ledger(contactId);
  const answers = await Promise.all(answerIdsOf(ledger).map((id) => deps.answers.raw(id)));
  return {
    exportedAt: deps.clock.now().toISOString(),
    contact: contactView(contact),
    ledger,
    answers: answers.filter((a): a is Record<string, unknown> => Boolean(a)),
    messages: (await messagesOf(deps, contactId)).map((m) => ({
      ...messageView(m),
      ...(m.to.length ? { to: m.to.join(", ") } : {}),
      ...(m.text ? { text: m.text } : {}),
      ...(m.html ? { html: m.html } : {}),
    })),
  };
}

/** POST /v1/contacts/{contactId}/withdrawal: an admin withdraws the contact's consent (e.g. asked by phone). */
export async function withdrawByAdmin(deps: ContactDeps, contactId: string, auth: Principal) {
  await contactOrNotFound(deps, contactId);
  const at = deps.clock.now().toISOString();
  const cancelled = await withdraw(deps, contactId, {
    recordId: recordIds.admin(deps.ids.uuid()),
    source: "admin",
    by: auth.sub,
    at,
  });
  return { contact: contactView((await deps.contacts.get(contactId))!), cancelled };
}

/**
 * DELETE /v1/contacts/{contactId}: cancels pending messages, removes the opt-in's contact details from every
 * linked answer, the recipient and bodies from every message, then the contact, its identities, ledger and
 * links, and leaves a tombstone. Safe to repeat after a crash: the contact goes last.
 */
export async function eraseContact(deps: ContactDeps, contactId: string, auth: Principal): Promise<Erasure> {
  const contact = await contactOrNotFound(deps, contactId);
  const now = deps.clock.now().toISOString();
  const ledger = await deps.contacts.ledger(contactId);
  const cancelled = await cancelQueued(deps, contactId, "erased");
  // A member's visits name it by phone in their answers: those are scrubbed too, and the member's profile (with
  // its card's secret) and code are deleted; its stamps and rewards stay, holding no personal data.
  const member = contact.memberId ? await deps.members.ledger(contact.memberId) : undefined;
  const visits = (member?.stamps ?? []).flatMap((s) => (s.answerId ? [s.answerId] : []));
  const answerIds = [...new Set([...answerIdsOf(ledger), ...visits])];
  for (const id of answerIds) await deps.answers.scrub(id, now);
  if (contact.memberId) await deps.members.erase(contact.memberId);
  const messageIds = await deps.contacts.messageIds(contactId);
  for (const id of messageIds) await deps.messages.scrub(id, now);
  const tombstone = {
    contactId,
    erasedAt: now,
    erasedBy: auth.sub,
    answers: answerIds.length,
    messages: messageIds.length,
    records: ledger.length,
  };
  await deps.contacts.erase(contact, tombstone);
  return {
    contactId,
    erasedAt: now,
    answers: answerIds.length,
    messages: messageIds.length,
    cancelled,
    records: ledger.length,
  };
}

/** The CSV of contacts with active consent, as text chunks (a page at a time). */
export async function* contactsCsv(deps: Pick<ContactDeps, "contacts">): AsyncGenerator<string> {
  yield line([
    "contactId",
    "email",
    "phone",
    "social",
    "lang",
    "stores",
    "channels",
    "consentVersion",
    "since",
    "createdAt",
  ]);
  for await (const page of deps.contacts.allActive()) {
    yield page
      .map((c) =>
        line([
          c.contactId,
          c.email ?? "",
          c.phone ?? "",
          c.social.map((s) => `${s.network}:${s.handle}`).join("|"),
          c.lang ?? "",
          c.stores.join("|"),
          c.consent.channels.join("|"),
          c.consent.version ?? "",
          c.consent.since ?? "",
          c.createdAt,
        ]),
      )
      .join("");
  }
}

/** RFC 4180; a text cell starting with = + - @ gets a `'` so spreadsheets do not run it (phones stay as they are). */
function line(cells: string[]): string {
  return `${cells
    .map((c) => {
      const s = /^[=+\-@]/.test(c) && !/^\+\d{6,15}$/.test(c) ? `'${c}` : c;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",")}\r\n`;
}
