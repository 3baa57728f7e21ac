/**
 * Checks the store's staff PIN for the kiosk's exit and settings. Online, the server decides
 * (POST /v1/auth/staff). Offline, the kiosk compares against a salted PBKDF2 hash of the last PIN the server
 * accepted on this device, kept in IndexedDB; with none cached it refuses and says why. Five wrong PINs in
 * 15 minutes lock the dialog locally too, since a 4-digit PIN is otherwise cheap to guess offline.
 */
import { ApiError, staffLogin } from "./api.ts";
import { kvGet, kvSet } from "./db.ts";

export type PinVerdict = "ok" | "wrong" | "locked" | "offline";

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
const ITERATIONS = 150_000;

export async function checkStaffPin(storeId: string, pin: string): Promise<PinVerdict> {
  const failures = ((await kvGet("pinFailures")) ?? []).filter((t) => t > Date.now() - WINDOW_MS);
  if (failures.length >= MAX_FAILURES) return "locked";
  const verdict = await askServerOrCache(storeId, pin);
  if (verdict === "wrong") await kvSet("pinFailures", [...failures, Date.now()]);
  if (verdict === "ok") await kvSet("pinFailures", []);
  return verdict;
}

async function askServerOrCache(storeId: string, pin: string): Promise<PinVerdict> {
  try {
    // The device token makes the server count this kiosk's wrong PINs per device, so a stranger's guesses
    // elsewhere never lock the staff corner.
    const device = await kvGet("device");
    await staffLogin(storeId, pin, device?.storeId === storeId ? device.deviceToken : undefined);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 429) return "locked";
    if (err.status === 400 || err.status === 401 || err.status === 403) return "wrong";
    return checkCached(storeId, pin);
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  await kvSet("pin", { storeId, salt: toHex(salt), hash: await hashPin(pin, salt) });
  return "ok";
}

async function checkCached(storeId: string, pin: string): Promise<PinVerdict> {
  const cached = await kvGet("pin");
  if (!cached || cached.storeId !== storeId) return "offline";
  return (await hashPin(pin, fromHex(cached.salt))) === cached.hash ? "ok" : "wrong";
}

async function hashPin(pin: string, salt: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ITERATIONS },
    key,
    256,
  );
  return toHex(new Uint8Array(bits));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array((hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
}
