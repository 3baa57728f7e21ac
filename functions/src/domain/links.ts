/**
 * Links in messages. `/u/{token}`: GET shows a page and changes nothing; POST (RFC 8058 one-click) withdraws
 * the contact's consent at once (a ledger record) and cancels every queued message of theirs. `/r/{token}`
 * counts a click and redirects only to the link the rule configured. A forged or altered token is a 404.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { deriveConsents, recordIds } from "./consent.ts";
import { NotFound } from "./errors.ts";
import { parsePayload } from "./follow-up-messages.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { LinkSigner } from "./ports/link-signer.ts";
import type { MessageRecord, MessageRepository } from "./ports/message-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";

export interface LinkDeps {
  signer: LinkSigner;
  messages: MessageRepository;
  contacts: ContactRepository;
  stores: StoreRepository;
  clock: Clock;
}

const UNKNOWN = "This link is not valid";

async function messageOf(deps: LinkDeps, token: string, kind: "unsubscribe" | "link") {
  const payload = await deps.signer.verify(token);
  const parsed = payload ? parsePayload(payload) : undefined;
  if (!parsed || parsed.kind !== kind) throw new NotFound(UNKNOWN);
  const message = await deps.messages.get(parsed.messageId);
  if (!message) throw new NotFound(UNKNOWN);
  return { message, link: parsed.kind === "link" ? parsed.link : undefined };
}

export interface UnsubscribeView {
  lang: Lang;
  storeName: string;
  /** false once consent is withdrawn (or the contact erased) */
  active: boolean;
}

async function view(deps: LinkDeps, message: MessageRecord): Promise<UnsubscribeView> {
  const store = await deps.stores.get(message.storeId);
  const contact = message.contactId ? await deps.contacts.get(message.contactId) : undefined;
  return { lang: message.lang, storeName: store?.name ?? "Sonrisa", active: Boolean(contact?.consent.active) };
}

/** GET /u/{token}: what the page says. Reads only. */
export async function showUnsubscribe(deps: LinkDeps, token: string): Promise<UnsubscribeView> {
  const { message } = await messageOf(deps, token, "unsubscribe");
  return view(deps, message);
}

/** POST /u/{token}: withdraws consent (once per message's link) and cancels what is queued for the contact. */
export async function unsubscribe(deps: LinkDeps, token: string): Promise<UnsubscribeView> {
  const { message } = await messageOf(deps, token, "unsubscribe");
  const now = deps.clock.now().toISOString();
  if (message.contactId && (await deps.contacts.get(message.contactId))) {
    await withdraw(deps, message.contactId, {
      recordId: recordIds.unsubscribe(message.messageId),
      source: "unsubscribe",
      messageId: message.messageId,
      at: now,
    });
  }
  return { ...(await view(deps, message)), active: false };
}

/**
 * Appends a withdrawal on every channel and cancels the contact's pending messages: an unsubscribe ends
 * marketing only (membership of the loyalty programme stays); an admin's withdrawal ends both.
 */
export async function withdraw(
  deps: Pick<LinkDeps, "contacts" | "messages" | "clock">,
  contactId: string,
  w: { recordId: string; source: "unsubscribe" | "admin"; messageId?: string; by?: string; at: string },
): Promise<number> {
  await deps.contacts.append(
    contactId,
    {
      type: "withdrawal",
      recordId: w.recordId,
      purposes: w.source === "admin" ? ["marketing", "loyalty"] : ["marketing"],
      channels: ["email", "sms", "social"],
      source: w.source,
      ...(w.messageId ? { messageId: w.messageId } : {}),
      ...(w.by ? { by: w.by } : {}),
      at: w.at,
      recordedAt: deps.clock.now().toISOString(),
    },
    deriveConsents,
  );
  return cancelQueued(deps, contactId, w.source === "unsubscribe" ? "unsubscribed" : "consent withdrawn");
}

/** Cancels every pending message of the contact; returns how many. */
export async function cancelQueued(
  deps: Pick<LinkDeps, "contacts" | "messages" | "clock">,
  contactId: string,
  reason: string,
): Promise<number> {
  let cancelled = 0;
  for (const id of await deps.contacts.messageIds(contactId)) {
    const message = await deps.messages.get(id);
    if (
      message?.status === "pending" &&
      (await deps.messages.close(message, "cancelled", reason, deps.clock.now().toISOString()))
    ) {
      cancelled++;
    }
  }
  return cancelled;
}

/** GET /r/{token}: counts the click; the URL is the one the rule configured, stored with the message. */
export async function followLink(deps: LinkDeps, token: string): Promise<string> {
  const { message, link } = await messageOf(deps, token, "link");
  const target = message.links.find((l) => l.name === link);
  if (!target) throw new NotFound(UNKNOWN);
  await deps.messages.click(message, deps.clock.now().toISOString());
  return target.url;
}
