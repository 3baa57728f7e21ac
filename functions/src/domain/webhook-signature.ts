/**
 * Standard Webhooks signatures: `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed
 * by the base64 bytes after `whsec_`. During a rotation's overlap every live secret signs, space-separated, so a
 * receiver that knows either secret verifies.
 */
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

/** A new signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

/** `whsec_` and the first 4 characters: enough to tell secrets apart, nothing to sign with. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 4);
}

/** One `v1,<signature>` per secret, space-separated: the `webhook-signature` header. */
export function signatureHeader(secrets: string[], messageId: string, timestamp: number, body: string): string {
  const signed = `${messageId}.${timestamp}.${body}`;
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
      return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
    })
    .join(" ");
}
