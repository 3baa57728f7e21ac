/**
 * HMAC-SHA256 tokens for links in messages, with a key derived from the auth key (so a token for a link can
 * never pass as a bearer token, and no second secret is needed). The token is `<payload base64url>.<mac>`.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../../config.ts";
import type { LinkSigner } from "../../domain/ports/link-signer.ts";
import { readSecretString } from "./secret-string.ts";

const MAC_BYTES = 16;

export function makeLinkSigner(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">): LinkSigner {
  let key: Promise<Buffer> | undefined;
  const getKey = () => {
    key ??= loadKey(config).catch((error) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  const mac = async (payload: string) =>
    createHmac("sha256", await getKey())
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES);
  return {
    async sign(payload) {
      return `${Buffer.from(payload).toString("base64url")}.${(await mac(payload)).toString("base64url")}`;
    },
    async verify(token) {
      const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/.exec(token);
      if (!match) return undefined;
      const payload = Buffer.from(match[1]!, "base64url").toString("utf8");
      const given = Buffer.from(match[2]!, "base64url");
      const expected = await mac(payload);
      return given.length === expected.length && timingSafeEqual(given, expected) ? payload : undefined;
    },
  };
}

async function loadKey(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">): Promise<Buffer> {
  const root = config.AUTH_KEY
    ? Buffer.from(config.AUTH_KEY, "base64")
    : Buffer.from(await readSecretString(config.AUTH_SECRET_ARN ?? "", "auth secret"));
  return createHmac("sha256", root).update("sonrisa message links").digest();
}
