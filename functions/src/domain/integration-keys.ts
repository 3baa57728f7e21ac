/**
 * Integration keys: made by an admin (the secret shown once, only its SHA-256 kept), listed, revoked, and
 * checked on every request that sends one. A key's secret has 238 random bits, so nobody guesses one: failed
 * keys are throttled per client address to keep scanners off the table, while a valid key is never refused by
 * the throttle (a point of sale behind the same address as a scanner keeps working).
 */
import { timingSafeEqual } from "node:crypto";
import {
  type CreateIntegrationKeyRequest,
  INTEGRATION_KEY_PATTERN,
  type IntegrationKey,
} from "@sonrisa/shared/schemas/integrations";
import { Forbidden, NotFound, TooManyRequests, Unauthorized } from "./errors.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { Clock } from "./ports/clock.ts";
import type { IntegrationKeyRecord, IntegrationKeyRepository } from "./ports/integration-key-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { TextHasher } from "./ports/text-hasher.ts";
import type { ThrottleRepository } from "./ports/throttle-repository.ts";
import { randomString } from "./random.ts";
import { fail, lockedFor, PAIRING_CLIENT, type ThrottlePolicy } from "./throttle.ts";

/** Failed keys per client address: 10 in 15 minutes lock that address's failing keys for 15 minutes, doubling to 4 h. */
export const KEY_CLIENT: ThrottlePolicy = { ...PAIRING_CLIENT, kind: "integration-key-client" };

/** `lastUsedAt` is written at most once a minute per key. */
const TOUCH_EVERY_MS = 60_000;

const KEY_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export interface IntegrationKeyDeps {
  integrationKeys: IntegrationKeyRepository;
  hasher: TextHasher;
  clock: Clock;
}

export interface KeyCheckDeps extends IntegrationKeyDeps {
  throttles: ThrottleRepository;
  log: AuditLog;
}

/** A key as the API lists it. */
export function keyView(k: IntegrationKeyRecord): IntegrationKey {
  return {
    keyId: k.keyId,
    name: k.name,
    prefix: `sik_${k.keyId}`,
    stores: k.stores,
    permissions: k.permissions,
    createdAt: k.createdAt,
    createdBy: k.createdBy,
    lastUsedAt: k.lastUsedAt ?? null,
    revokedAt: k.revokedAt ?? null,
  };
}

/** Makes a key; the answer holds its secret, which is never readable again. */
export async function createIntegrationKey(deps: IntegrationKeyDeps, by: string, request: CreateIntegrationKeyRequest) {
  const now = deps.clock.now().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const keyId = randomString(KEY_ID_ALPHABET, 12);
    const secret = `sik_${keyId}_${randomString(SECRET_ALPHABET, 40)}`;
    const record: IntegrationKeyRecord = {
      keyId,
      name: request.name,
      stores: request.stores,
      permissions: request.permissions,
      secretHash: deps.hasher.sha256(secret),
      createdAt: now,
      createdBy: by,
    };
    if (await deps.integrationKeys.create(record)) return { key: keyView(record), secret };
  }
  throw new Error("Could not make a unique key id");
}

export async function listIntegrationKeys(deps: IntegrationKeyDeps) {
  return { keys: (await deps.integrationKeys.list()).map(keyView) };
}

/** Revokes at once: the key's next request is a 401. */
export async function revokeIntegrationKey(deps: IntegrationKeyDeps, keyId: string) {
  const revoked = await deps.integrationKeys.revoke(keyId, deps.clock.now().toISOString());
  if (!revoked) throw new NotFound(`No integration key ${keyId}`);
  return { key: keyView(revoked) };
}

/** Whether `token` has the shape of an integration key (bearer tokens of people and kiosks are JWTs). */
export const looksLikeIntegrationKey = (token: string) => token.startsWith("sik_");

/**
 * The principal of a valid, unrevoked key. A wrong, unknown or revoked key is a failure of the client's
 * address: 401, or 429 while the address is locked.
 */
export async function authenticateKey(deps: KeyCheckDeps, token: string, client: string): Promise<Principal> {
  const now = deps.clock.now();
  const match = INTEGRATION_KEY_PATTERN.exec(token);
  const record = match ? await deps.integrationKeys.get(match[1]!) : undefined;
  const matches = record !== undefined && sameHex(record.secretHash, deps.hasher.sha256(token));
  if (!record || !matches || record.revokedAt) {
    const bucket = { key: `integration-key-client:${client}`, policy: KEY_CLIENT };
    const wait = lockedFor(await deps.throttles.get(bucket.key), now.getTime());
    if (wait > 0) throw new TooManyRequests("Too many failed keys: try again later", Math.ceil(wait / 1000));
    await fail(deps, now.getTime(), [bucket]);
    throw new Unauthorized(matches && record?.revokedAt ? "This key was revoked" : "The key is not valid");
  }
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) >= TOUCH_EVERY_MS) {
    await deps.integrationKeys.touch(record.keyId, now.toISOString());
  }
  return {
    role: "integration",
    sub: record.keyId,
    key: { keyId: record.keyId, stores: record.stores, permissions: record.permissions },
  };
}

/** Refuses (403) a key that does not list the store. */
export function assertKeyReaches(principal: Principal | undefined, storeId: string): void {
  const stores = principal?.key?.stores;
  if (!stores) throw new Forbidden("Only an integration key may call this route");
  if (stores !== "all" && !stores.includes(storeId)) throw new Forbidden(`This key does not reach store ${storeId}`);
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
