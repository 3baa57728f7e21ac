/**
 * Seals webhook signing secrets at rest with AES-256-GCM, under a key derived (HKDF-SHA256) from the auth key:
 * a copy of the table alone reveals no secret, and no second secret needs managing. Sealed text is
 * `v1.<iv>.<ciphertext>.<tag>` in base64url. Replacing the auth key makes sealed secrets unreadable: rotate each
 * endpoint's secret after it (infra/README.md).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Config } from "../../config.ts";
import type { SecretBox } from "../../domain/ports/secret-box.ts";
import { readSecretString } from "./secret-string.ts";

export function makeSecretBox(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">): SecretBox {
  let key: Promise<Buffer> | undefined;
  const getKey = () => {
    key ??= loadKey(config).catch((error) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  return {
    async seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", await getKey(), iv);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, sealed, cipher.getAuthTag()]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    async open(text) {
      const [version, iv, sealed, tag] = text.split(".");
      if (version !== "v1" || !iv || !sealed || !tag) throw new Error("Not a sealed secret");
      const decipher = createDecipheriv("aes-256-gcm", await getKey(), Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

async function loadKey(config: Pick<Config, "AUTH_KEY" | "AUTH_SECRET_ARN">): Promise<Buffer> {
  const root = config.AUTH_KEY
    ? Buffer.from(config.AUTH_KEY, "base64")
    : Buffer.from(await readSecretString(config.AUTH_SECRET_ARN ?? "", "auth secret"));
  return Buffer.from(hkdfSync("sha256", root, "sonrisa", "webhook signing secrets", 32));
}
