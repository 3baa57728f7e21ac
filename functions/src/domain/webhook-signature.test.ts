import { WEBHOOK_DATA, WEBHOOK_EVENT_TYPES } from "@sonrisa/shared/schemas/webhooks";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { sampleData } from "./webhook-samples.ts";
import { newWebhookSecret, signatureHeader } from "./webhook-signature.ts";

describe("webhook signatures", () => {
  it("verify with the Standard Webhooks reference library", () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: "answer.stored", timestamp: "2026-11-30T10:00:00.000Z", data: { a: "ñ" } });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "webhook-id": "msg_abc",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader([secret], "msg_abc", timestamp, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers["webhook-signature"]).toBe(new Webhook(secret).sign("msg_abc", new Date(timestamp * 1000), body));
  });

  it("carry one signature per live secret, each verifying alone, and none for another secret", () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const timestamp = Math.floor(Date.now() / 1000);
    const body = "{}";
    const signature = signatureHeader([b, a], "msg_1", timestamp, body);
    const headers = { "webhook-id": "msg_1", "webhook-timestamp": String(timestamp), "webhook-signature": signature };
    expect(signature.split(" ")).toHaveLength(2);
    expect(() => new Webhook(a).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(b).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(a).verify(`${body} `, headers)).toThrow();
  });

  it("secrets are whsec_ and 32 random bytes", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
  });
});

describe("test events", () => {
  it.each(WEBHOOK_EVENT_TYPES)("of %s have the real payload's shape", (type) => {
    expect(() => WEBHOOK_DATA[type].parse(sampleData(type, "2026-11-30T10:00:00.000Z"))).not.toThrow();
  });
});
