/** Slow hashes for passwords and staff PINs (scrypt), stored as `scrypt$N$r$p$salt$hash`. */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { SecretHasher } from "../../domain/ports/secret-hasher.ts";

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Constant-time check; a malformed stored hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(secret, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash to compare against when the account does not exist, so timing does not reveal it. */
const decoyHash = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_LENGTH).toString("base64")}`;

/** Checks a secret against a stored hash, or against a decoy when there is none. */
export function verifyOrDecoy(secret: string, stored: string | undefined): Promise<boolean> {
  return verifySecret(secret, stored ?? decoyHash).then((ok) => ok && stored !== undefined);
}

/** The port's adapter: scrypt hashes, with the decoy for a missing hash. */
export const scryptHasher: SecretHasher = { hash: hashSecret, verify: verifyOrDecoy };
