/**
 * POST /v1/purchases: a point of sale reports a sale. The store and external id key the purchase, so a retry
 * finds it and gets the same answer (a different body under the same id is a conflict); the purchase and its
 * day counters are written together. The buyer is resolved to a contact through the identity items (nothing
 * about an unknown buyer is kept), and a member's purchase asks the loyalty seam for a stamp.
 */
import { createHash } from "node:crypto";
import type { Purchase, PurchaseRequest } from "@sonrisa/shared/schemas/integrations";
import { localParts } from "@sonrisa/shared/time";
import { normaliseEmail, normalisePhone } from "./contact-identity.ts";
import { purchaseCounters } from "./day-aggregate.ts";
import { creditOutcomes, type EffectDeps } from "./effects.ts";
import { Conflict, Invalid, NotFound } from "./errors.ts";
import { MAX_FUTURE_MS, MAX_PAST_DAYS, MAX_PAST_MS } from "./ingestion.ts";
import { assertKeyReaches } from "./integration-keys.ts";
import { hasEnded } from "./month-rollup.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository, Identity } from "./ports/contact-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { PurchaseLoyalty } from "./ports/purchase-loyalty.ts";
import type { PurchaseRecord, PurchaseRepository } from "./ports/purchase-repository.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import type { TextHasher } from "./ports/text-hasher.ts";

export interface PurchaseDeps extends EffectDeps {
  purchases: PurchaseRepository;
  stores: StoreRepository;
  contacts: ContactRepository;
  purchaseLoyalty: PurchaseLoyalty;
  hasher: TextHasher;
  clock: Clock;
}

/** A purchase's id, derived from its store and external id (the same for every retry). */
export function purchaseIdFor(storeId: string, externalId: string): string {
  const h = createHash("sha256").update(`purchase:${storeId}:${externalId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Records the purchase once; a retry of the same body answers the same, another body under its id is a 409. */
export async function recordPurchase(deps: PurchaseDeps, auth: Principal | undefined, body: PurchaseRequest) {
  assertKeyReaches(auth, body.storeId);
  const bodyHash = deps.hasher.sha256(canonical(body));
  const known = await deps.purchases.get(body.storeId, body.externalId);
  if (known) return answer(deps, known, bodyHash);
  const store = await deps.stores.get(body.storeId);
  if (!store) throw new NotFound(`No store ${body.storeId}`);
  const now = deps.clock.now();
  const at = new Date(body.at);
  if (at.getTime() > now.getTime() + MAX_FUTURE_MS) {
    throw new Invalid("The body is not valid", [issue("`at` is more than 5 minutes ahead of the server's clock")]);
  }
  if (at.getTime() < now.getTime() - MAX_PAST_MS) {
    throw new Invalid("The body is not valid", [issue(`\`at\` is more than ${MAX_PAST_DAYS} days old`)]);
  }
  const person = await identify(deps, body, store);
  const record: PurchaseRecord = {
    purchaseId: purchaseIdFor(body.storeId, body.externalId),
    externalId: body.externalId,
    storeId: body.storeId,
    at: body.at,
    atUtc: at.toISOString(),
    localDate: localParts(at, store.timeZone).date,
    amount: body.amount,
    currency: body.currency,
    identified: person.identified,
    ...(person.personId ? { personId: person.personId } : {}),
    ...(person.memberId ? { memberId: person.memberId } : {}),
    keyId: auth?.key?.keyId ?? "",
    bodyHash,
    receivedAt: now.toISOString(),
  };
  // As a late answer does, a purchase in an ended month makes that month's roll-up stale.
  const month = record.localDate.slice(0, 7);
  const ended = hasEnded(month, localParts(now, store.timeZone).date) ? month : undefined;
  if (await deps.purchases.create(record, purchaseCounters(body.amount, body.currency), ended)) {
    await creditPurchase(deps, record);
    return { status: 201, purchase: await view(deps, record), replayed: false };
  }
  // Another request of the same purchase got in first: answer as its retry.
  const stored = await deps.purchases.get(body.storeId, body.externalId);
  if (!stored) throw new Error("A purchase refused as existing cannot be read");
  // A retry credits again, which counts once (the event's id): a crash between the two writes loses nothing.
  if (stored.bodyHash === bodyHash) await creditPurchase(deps, stored);
  return answer(deps, stored, bodyHash);
}

/** A known person's purchase is an outcome of their open exposures (the effect report). */
async function creditPurchase(deps: PurchaseDeps, p: PurchaseRecord): Promise<void> {
  if (!p.personId) return;
  await creditOutcomes(deps, p.personId, { kind: "purchase", id: p.purchaseId, at: p.atUtc, amount: p.amount });
}

async function answer(deps: PurchaseDeps, stored: PurchaseRecord, bodyHash: string) {
  if (stored.bodyHash !== bodyHash) {
    throw new Conflict(`Another purchase was recorded under externalId ${stored.externalId} in this store`);
  }
  return { status: 201, purchase: await view(deps, stored), replayed: true };
}

/** The answer of a stored purchase; the stamp is asked again each time (the seam answers the same). */
async function view(deps: PurchaseDeps, p: PurchaseRecord): Promise<Purchase> {
  const stamp = p.memberId
    ? await deps.purchaseLoyalty.stampForPurchase({
        purchaseId: p.purchaseId,
        memberId: p.memberId,
        storeId: p.storeId,
        localDate: p.localDate,
        amount: p.amount,
        currency: p.currency,
        at: p.atUtc,
      })
    : null;
  return {
    purchaseId: p.purchaseId,
    externalId: p.externalId,
    storeId: p.storeId,
    at: p.at,
    localDate: p.localDate,
    amount: p.amount,
    currency: p.currency,
    identified: p.identified,
    stamp,
    receivedAt: p.receivedAt,
  };
}

interface Person {
  identified: "member" | "contact" | null;
  personId?: string;
  memberId?: string;
}

/** The buyer: a member the programme knows, else a contact by the member's phone or the contact given, else nobody. */
async function identify(deps: PurchaseDeps, body: PurchaseRequest, store: StoreRecord): Promise<Person> {
  const phone = (p: string): Identity => ({ kind: "phone", value: normalisePhone(p, store.timeZone) });
  if (body.member) {
    const member = body.member.phone
      ? { phone: normalisePhone(body.member.phone, store.timeZone) }
      : { code: body.member.code! };
    const match = await deps.purchaseLoyalty.identifyMember(member, store.storeId);
    if (match) {
      return {
        identified: "member",
        memberId: match.memberId,
        ...(match.contactId ? { personId: match.contactId } : {}),
      };
    }
  }
  const identities: Identity[] = [];
  if (body.member?.phone) identities.push(phone(body.member.phone));
  if (body.contact?.email) identities.push({ kind: "email", value: normaliseEmail(body.contact.email) });
  if (body.contact?.phone) identities.push(phone(body.contact.phone));
  for (const identity of identities) {
    const contactId = await deps.contacts.byIdentity(identity);
    if (contactId) return { identified: "contact", personId: contactId };
  }
  return { identified: null };
}

/** The body as parsed, with its keys in order, so the same purchase sent twice hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function issue(message: string) {
  return { code: "custom", path: ["at"], message };
}
