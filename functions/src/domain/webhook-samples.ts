/**
 * Made-up data of each event type for "send test event": the same shape as the real payloads (a unit test parses
 * each with its schema), with example values only, never a real shopper's.
 */
import type { WebhookData, WebhookEventType } from "@sonrisa/shared/schemas/webhooks";

const STORE = "madrid-centro";
const GIFT = { es: "Un café gratis", en: "A free coffee" };

/** Example data of `type`, as if it happened at `now`. */
export function sampleData(type: WebhookEventType, now: string): Record<string, unknown> {
  const date = now.slice(0, 10);
  const samples: { [T in WebhookEventType]: WebhookData<T> } = {
    "answer.stored": {
      answerId: "00000000-0000-4000-8000-000000000001",
      storeId: STORE,
      deviceId: "00000000-0000-4000-8000-0000000000d1",
      at: now,
      localDate: date,
      score: 5,
      reasons: ["friendly-staff"],
      comment: "Example comment",
      lang: "es",
      misuse: false,
      optedIn: false,
      surprise: { ruleId: "happy-coffee", group: "treatment", outcome: "won" },
      receivedAt: now,
    },
    "gift.won": {
      code: "TEST42",
      storeId: STORE,
      kind: "surprise",
      status: "pending",
      gift: GIFT,
      ruleId: "happy-coffee",
      answerId: "00000000-0000-4000-8000-000000000001",
      stockItem: "coffee",
      date,
      wonAt: now,
      expiresAt: now,
    },
    "gift.handed": {
      code: "TEST42",
      storeId: STORE,
      kind: "surprise",
      status: "handed",
      gift: GIFT,
      ruleId: "happy-coffee",
      answerId: "00000000-0000-4000-8000-000000000001",
      stockItem: "coffee",
      date,
      wonAt: now,
      expiresAt: now,
      handedAt: now,
      staffId: "3f2a9c1e",
    },
    "contact.created": {
      contactId: "00000000-0000-4000-8000-0000000000c1",
      createdAt: now,
      stores: [STORE],
      lang: "es",
      consent: { purposes: ["marketing"], channels: ["email"], version: "2026-11" },
      email: "ana.example@example.com",
      social: [],
    },
    "consent.withdrawn": {
      contactId: "00000000-0000-4000-8000-0000000000c1",
      recordId: "unsubscribe.example",
      source: "unsubscribe",
      purposes: ["marketing"],
      channels: ["email"],
      at: now,
    },
    "alert.fired": {
      alertId: `${STORE}.spike.example`,
      storeId: STORE,
      kind: "negative-spike",
      at: now,
      window: { from: now, to: now },
      answers: 6,
      negative: 4,
      reasons: [{ id: "waiting", count: 3 }],
    },
    "reward.redeemed": {
      rewardId: "reward-example",
      memberId: "member-example",
      storeId: STORE,
      reward: { id: "tier-5", name: GIFT },
      issuedAt: now,
      redeemedAt: now,
    },
  };
  return samples[type] as Record<string, unknown>;
}
