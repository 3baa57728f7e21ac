/** Sign-in for users and staff (throttled, see throttle.ts), pairing codes and device pairing. */
import { PAIRING_ALPHABET } from "@sonrisa/shared/schemas/auth";
import { Conflict, NotFound, Unauthorized } from "./errors.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRepository } from "./ports/device-repository.ts";
import type { Ids } from "./ports/ids.ts";
import type { SecretHasher } from "./ports/secret-hasher.ts";
import type { StaffRepository } from "./ports/staff-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import type { ThrottleRepository } from "./ports/throttle-repository.ts";
import type { TokenService } from "./ports/token-service.ts";
import type { UserRecord, UserRepository } from "./ports/user-repository.ts";
import { randomString } from "./random.ts";
import {
  type Bucket,
  claim,
  fail,
  LOGIN_ACCOUNT,
  LOGIN_CLIENT,
  PAIRING_CLIENT,
  PIN_CLIENT,
  PIN_STORE,
  settle,
} from "./throttle.ts";

/** How long tokens live, in seconds: a working day for people, a long time for a kiosk on a wall. */
export const TOKEN_TTL = { user: 12 * 3600, staff: 12 * 3600, device: 400 * 86400 } as const;

export const PAIRING_TTL_MS = 15 * 60_000;

export interface AuthDeps {
  users: UserRepository;
  stores: StoreRepository;
  devices: DeviceRepository;
  staff: StaffRepository;
  throttles: ThrottleRepository;
  tokens: TokenService;
  secrets: SecretHasher;
  clock: Clock;
  ids: Ids;
  log: AuditLog;
}

/** Who is trying: the client's address, or a paired kiosk of the store (its staff corner), counted apart. */
export interface Client {
  address: string;
  deviceId?: string;
}

/**
 * Five failures in 15 minutes for the account, or from the client, refuse further tries (429) for a while.
 * An unknown account is throttled, checked (against a decoy hash) and refused exactly like a known one.
 */
export async function loginUser(deps: AuthDeps, email: string, password: string, client: string) {
  const buckets = userBuckets(email, client);
  const claimedAt = await claim(deps, buckets, "Too many failed sign-ins: try again later");
  const user = await deps.users.get(email);
  const ok = await deps.secrets.verify(password, user?.passwordHash);
  if (!user || !ok || user.disabled) {
    await fail(deps, claimedAt, buckets);
    throw new Unauthorized("Wrong e-mail or password");
  }
  await settle(deps, claimedAt, buckets);
  return issueUserToken(deps, user);
}

/** The throttle buckets of a user's sign-in (and of the current password when changing it). */
export function userBuckets(email: string, client: string): Bucket[] {
  return [
    { key: `login-account:${email.toLowerCase()}`, policy: LOGIN_ACCOUNT },
    { key: `login-client:${client}`, policy: LOGIN_CLIENT },
  ];
}

/** A token for the user as stored now: its role, a manager's stores, and its version (checked on every request). */
export async function issueUserToken(deps: Pick<AuthDeps, "tokens">, user: UserRecord) {
  const stores = user.role === "manager" ? (user.stores ?? []) : undefined;
  const issued = await deps.tokens.issue(
    { role: user.role, sub: user.email, sv: user.version, ...(stores ? { stores } : {}) },
    TOKEN_TTL.user,
  );
  return { ...issued, role: user.role, ...(stores ? { stores } : {}) };
}

/**
 * Staff sign in with the store PIN or a named member's own PIN. Failures count per store and client, and a
 * paired kiosk's staff corner per device; anonymous clients together also meet the store's daily ceiling.
 */
export async function loginStaff(deps: AuthDeps, storeId: string, pin: string, client: Client) {
  const own: Bucket[] = client.deviceId
    ? [{ key: `pin-device:${storeId}:${client.deviceId}`, policy: PIN_CLIENT }]
    : [{ key: `pin-client:${storeId}:${client.address}`, policy: PIN_CLIENT }];
  const ceiling: Bucket[] = client.deviceId ? [] : [{ key: `pin-store:${storeId}`, policy: PIN_STORE }];
  const claimedAt = await claim(deps, [...own, ...ceiling], "Too many wrong PINs: try again later");
  const [store, storePin, members] = await Promise.all([
    deps.stores.get(storeId),
    deps.staff.pin(storeId),
    deps.staff.members(storeId),
  ]);
  const storeHash = store ? (storePin.pinHash ?? store.staffPinHash) : undefined;
  const [storeOk, ...memberOk] = await Promise.all([
    deps.secrets.verify(pin, storeHash),
    ...members.map((m) => deps.secrets.verify(pin, m.pinHash)),
  ]);
  const member = members[memberOk.indexOf(true)];
  if (!store || (!storeOk && !member)) {
    await fail(deps, claimedAt, [...own, ...ceiling]);
    throw new Unauthorized("Wrong store or PIN");
  }
  await settle(deps, claimedAt, own, ceiling);
  const issued = await deps.tokens.issue(
    {
      role: "staff",
      sub: `staff:${storeId}`,
      storeId,
      sv: storePin.version,
      ...(member ? { staffId: member.staffId } : {}),
    },
    TOKEN_TTL.staff,
  );
  return {
    ...issued,
    role: "staff" as const,
    storeId,
    ...(member ? { staffId: member.staffId, staffName: member.name } : {}),
  };
}

/** The device id when `token` is a valid device token of a kiosk still paired with `storeId`. */
export async function pairedKiosk(
  deps: Pick<AuthDeps, "tokens" | "devices">,
  token: string | undefined,
  storeId: string,
): Promise<string | undefined> {
  if (!token) return undefined;
  const principal = await deps.tokens.verify(token);
  if (principal?.role !== "device" || principal.storeId !== storeId) return undefined;
  return (await deps.devices.get(storeId, principal.sub)) ? principal.sub : undefined;
}

export async function createPairingCode(deps: AuthDeps, storeId: string) {
  const store = await deps.stores.get(storeId);
  if (!store) throw new NotFound(`No store ${storeId}`);
  if (store.archivedAt) throw new Conflict(`Store ${storeId} is archived: its kiosks cannot be paired`);
  const expiresAt = new Date(deps.clock.now().getTime() + PAIRING_TTL_MS);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = randomString(PAIRING_ALPHABET, 8);
    if (await deps.devices.savePairingCode(code, storeId, expiresAt))
      return { code, expiresAt: expiresAt.toISOString() };
  }
  throw new Conflict("Could not make a unique pairing code; try again");
}

/** Ten unknown codes from one client in 15 minutes refuse its tries for a while (and the lock is logged). */
export async function pairDevice(deps: AuthDeps, code: string, client: string) {
  const bucket: Bucket = { key: `pairing-client:${client}`, policy: PAIRING_CLIENT };
  const claimedAt = await claim(deps, [bucket], "Too many wrong pairing codes: try again later");
  const now = deps.clock.now();
  const pending = await deps.devices.peekPairingCode(code);
  if (!pending) {
    await fail(deps, claimedAt, [bucket]);
    throw new NotFound("This pairing code is unknown");
  }
  // A real code, used already: not a guess, so it does not count towards the client's limit.
  await settle(deps, claimedAt, [], [bucket]);
  if (pending.usedAt) throw new Conflict("This pairing code was already used: make a new one", "pairing_code_used");
  const device = { storeId: pending.storeId, deviceId: deps.ids.uuid(), pairedAt: now.toISOString() };
  const paired = await deps.devices.pair(code, device, now);
  if (!paired) throw new Conflict("This pairing code is expired or already used", "pairing_code_used");
  const issued = await deps.tokens.issue(
    { role: "device", sub: device.deviceId, storeId: device.storeId },
    TOKEN_TTL.device,
  );
  return { deviceToken: issued.token, deviceId: device.deviceId, storeId: device.storeId };
}
