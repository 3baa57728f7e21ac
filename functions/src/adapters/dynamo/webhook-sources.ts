/**
 * Reads stream records (Lambda's shape) as webhook events: a new answer, a gift won or handed, a new contact, a
 * consent withdrawal, an alert, a loyalty reward redeemed. Each event's data is picked field by field from the item, so nothing new on an
 * item reaches a webhook unless it is added here (and to its schema and docs/api.md); personal data never is:
 * a contact's addresses are read at send time, while its consent is active.
 */
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Localized } from "@sonrisa/shared/schemas/common";
import type { DynamoDBRecord } from "aws-lambda";
import type { SourceEvent, WebhookSources } from "../../domain/ports/webhook-sources.ts";
import { rewardRedeemedEvent } from "../../domain/webhook-events.ts";
import { keys } from "./keys.ts";

type Item = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
/** Copies the fields of `item` that are set. */
function pick(item: Item, names: string[]): Item {
  return Object.fromEntries(names.filter((n) => item[n] !== undefined && item[n] !== null).map((n) => [n, item[n]]));
}

export const webhookSources: WebhookSources = {
  read(value): SourceEvent | undefined {
    const record = value as DynamoDBRecord;
    const raw = record.dynamodb?.NewImage;
    if (!raw) return undefined;
    const item = unmarshall(raw as never) as Item;
    const old = record.dynamodb?.OldImage ? (unmarshall(record.dynamodb.OldImage as never) as Item) : undefined;
    const inserted = record.eventName === "INSERT";
    switch (item.entity) {
      case "Response":
        return inserted ? answerStored(item) : undefined;
      case "Gift":
        return giftEvent(item, old, inserted);
      case "Contact":
        return inserted ? contactCreated(item) : undefined;
      case "ConsentRecord":
        return inserted ? consentWithdrawn(item) : undefined;
      case "Alert":
        return inserted ? alertFired(item) : undefined;
      case "Reward":
        return rewardRedeemed(item, old);
      default:
        return undefined;
    }
  },
};

function answerStored(a: Item): SourceEvent | undefined {
  const id = str(a.id);
  if (!id) return undefined;
  const surprise = a.surprise as Item | undefined;
  return {
    type: "answer.stored",
    sourceId: id,
    occurredAt: str(a.atUtc) ?? str(a.receivedAt) ?? "",
    data: {
      answerId: id,
      ...pick(a, ["storeId", "deviceId", "at", "localDate", "score", "comment", "lang", "receivedAt"]),
      reasons: Array.isArray(a.reasons) ? a.reasons : [],
      misuse: Boolean(a.misuse),
      optedIn: Boolean(a.optIn),
      // The group and outcome, never the gift code (it is what the shopper shows at the counter).
      ...(surprise ? { surprise: pick(surprise, ["ruleId", "group", "outcome"]) } : {}),
    },
  };
}

function giftEvent(g: Item, old: Item | undefined, inserted: boolean): SourceEvent | undefined {
  const date = str(g.sk)?.split("#")[0];
  const code = str(g.code);
  if (!date || !code) return undefined;
  const won = inserted && g.kind === "surprise";
  const handed =
    g.status === "handed" && (inserted ? g.kind === "spontaneous" : old !== undefined && old.status !== "handed");
  if (!won && !handed) return undefined;
  const staff = g.handedByStaff as Item | undefined;
  return {
    type: won ? "gift.won" : "gift.handed",
    sourceId: `${g.storeId}.${date}.${code}`,
    occurredAt: str(won ? g.wonAt : g.handedAt) ?? "",
    data: {
      code,
      date,
      ...pick(g, ["storeId", "kind", "status", "gift", "ruleId", "stockItem", "wonAt", "expiresAt", "handedAt"]),
      ...(g.responseId ? { answerId: g.responseId } : {}),
      // A named member's id; never the name typed or the reason (free text) of a spontaneous gift.
      ...(str(staff?.staffId) ? { staffId: staff!.staffId } : {}),
    },
  };
}

function contactCreated(c: Item): SourceEvent | undefined {
  const contactId = str(c.contactId);
  if (!contactId) return undefined;
  return {
    type: "contact.created",
    sourceId: contactId,
    occurredAt: str(c.createdAt) ?? "",
    data: { contactId, ...pick(c, ["createdAt", "stores", "lang"]) },
    contactId,
  };
}

function consentWithdrawn(r: Item): SourceEvent | undefined {
  const contactId = keys.contactOfRecordKey(str(r.pk) ?? "", str(r.sk) ?? "");
  if (r.type !== "withdrawal" || !contactId) return undefined;
  return {
    type: "consent.withdrawn",
    sourceId: `${contactId}.${r.recordId}`,
    occurredAt: str(r.at) ?? "",
    data: { contactId, ...pick(r, ["recordId", "source", "purposes", "channels", "at"]) },
  };
}

function alertFired(a: Item): SourceEvent | undefined {
  const alertId = str(a.alertId);
  if (!alertId) return undefined;
  return {
    type: "alert.fired",
    sourceId: alertId,
    occurredAt: str(a.at) ?? "",
    // Counts and reasons; never the comments the alert's e-mail quotes.
    data: pick(a, ["alertId", "storeId", "kind", "at", "window", "answers", "negative", "reasons", "item"]),
  };
}

/** A reward's change to `redeemed` (it is issued first, then redeemed once): the member's id, never who they are. */
function rewardRedeemed(r: Item, old: Item | undefined): SourceEvent | undefined {
  const rewardId = str(r.rewardId);
  const memberId = str(r.memberId);
  const redeemedAt = str(r.redeemedAt);
  if (r.status !== "redeemed" || old?.status === "redeemed" || !rewardId || !memberId || !redeemedAt) return undefined;
  // `redeemedBy` is the session's subject, then `/` and the named staff member when there is one.
  const staffId = str(r.redeemedBy)?.split("/")[1];
  return rewardRedeemedEvent({
    rewardId,
    memberId,
    storeId: str(r.redeemedStore) ?? str(r.storeId) ?? "",
    reward: { id: `tier-${Number(r.stamps)}`, name: r.gift as Localized },
    issuedAt: str(r.issuedAt) ?? redeemedAt,
    redeemedAt,
    ...(staffId ? { staffId } : {}),
  });
}
