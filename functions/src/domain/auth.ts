/** Sign-in for users and staff, pairing codes and device pairing. */
import { PAIRING_ALPHABET } from "@sonrisa/shared/schemas/auth";
import { Conflict, NotFound, TooManyRequests, Unauthorized } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRepository } from "./ports/device-repository.ts";
import type { Ids } from "./ports/ids.ts";
import type { PinGuardRepository } from "./ports/pin-guard-repository.ts";
import type { SecretHasher } from "./ports/secret-hasher.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import type { TokenService } from "./ports/token-service.ts";
import type { UserRepository } from "./ports/user-repository.ts";
import { randomString } from "./random.ts";

/** How long tokens live, in seconds: a working day for people, a long time for a kiosk on a wall. */
export const TOKEN_TTL = { user: 12 * 3600, staff: 12 * 3600, device: 400 * 86400 } as const;

export const PIN_MAX_FAILURES = 5;
export const PIN_WINDOW_MS = 15 * 60_000;
export const PAIRING_TTL_MS = 15 * 60_000;

export interface AuthDeps {
  users: UserRepository;
  stores: StoreRepository;
  devices: DeviceRepository;
  pinGuards: PinGuardRepository;
  tokens: TokenService;
  secrets: SecretHasher;
  clock: Clock;
  ids: Ids;
}

export async function loginUser(deps: AuthDeps, email: string, password: string) {
  const user = await deps.users.get(email);
  const ok = await deps.secrets.verify(password, user?.passwordHash);
  if (!user || !ok) throw new Unauthorized("Wrong e-mail or password");
  const issued = await deps.tokens.issue({ role: user.role, sub: user.email }, TOKEN_TTL.user);
  return { ...issued, role: user.role };
}

/**
 * Five failures in 15 minutes lock the store's PIN sign-in for 15 minutes. Each attempt claims a slot
 * before the PIN is checked (and gives it back on success), so even concurrent guesses get at most five tries.
 */
export async function loginStaff(deps: AuthDeps, storeId: string, pin: string) {
  await claimAttempt(deps, storeId);
  const store = await deps.stores.get(storeId);
  const ok = await deps.secrets.verify(pin, store?.staffPinHash);
  if (!store || !ok) throw new Unauthorized("Wrong store or PIN");
  await clearAttempts(deps, storeId);
  const issued = await deps.tokens.issue({ role: "staff", sub: `staff:${storeId}`, storeId }, TOKEN_TTL.staff);
  return { ...issued, role: "staff" as const, storeId };
}

async function claimAttempt(deps: AuthDeps, storeId: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const now = deps.clock.now().getTime();
    const guard = await deps.pinGuards.get(storeId);
    if (guard.lockedUntil > now) {
      throw new TooManyRequests("Too many wrong PINs: try again later", Math.ceil((guard.lockedUntil - now) / 1000));
    }
    const recent = guard.failures.filter((t) => t > now - PIN_WINDOW_MS);
    if (recent.length >= PIN_MAX_FAILURES) {
      await deps.pinGuards.save(storeId, { failures: [], lockedUntil: now + PIN_WINDOW_MS }, guard.version);
      continue;
    }
    if (await deps.pinGuards.save(storeId, { failures: [...recent, now], lockedUntil: 0 }, guard.version)) return;
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
  throw new TooManyRequests("Too many sign-ins at once: try again", 2);
}

async function clearAttempts(deps: AuthDeps, storeId: string): Promise<void> {
  const guard = await deps.pinGuards.get(storeId);
  if (guard.failures.length > 0) await deps.pinGuards.save(storeId, { failures: [], lockedUntil: 0 }, guard.version);
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

export async function pairDevice(deps: AuthDeps, code: string) {
  const now = deps.clock.now();
  const pending = await deps.devices.peekPairingCode(code);
  if (!pending) throw new NotFound("This pairing code is unknown or already used");
  const device = { storeId: pending.storeId, deviceId: deps.ids.uuid(), pairedAt: now.toISOString() };
  const paired = await deps.devices.pair(code, device, now);
  if (!paired) throw new Conflict("This pairing code is expired or already used", "pairing_code_used");
  const issued = await deps.tokens.issue(
    { role: "device", sub: device.deviceId, storeId: device.storeId },
    TOKEN_TTL.device,
  );
  return { deviceToken: issued.token, deviceId: device.deviceId, storeId: device.storeId };
}
