/** The local signing key (AUTH_KEY): 32 random bytes, base64, kept in `<dataDir>/auth.key` so tokens survive restarts. */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Reads the key from `<dataDir>/auth.key`, creating it (mode 0600) on first use; without a dir, a fresh key. */
export function loadOrCreateAuthKey(dataDir?: string): string {
  if (!dataDir) return randomBytes(32).toString("base64");
  const file = join(dataDir, "auth.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another start won the race
    }
  }
  const key = readFileSync(file, "utf8").trim();
  if (Buffer.from(key, "base64").length !== 32) {
    throw new Error(`${file} does not hold a base64 32-byte key: delete it to make a new one (signs everyone out)`);
  }
  if (process.platform !== "win32") chmodSync(file, 0o600);
  return key;
}
