/**
 * The member card's rotating code: RFC 6238 (TOTP) with HMAC-SHA-1, a 60-second step and 6 digits, from a
 * per-member secret that the card page holds. The card shows it offline; the server accepts a code for 3 minutes
 * after it first shows and only once (a later step than the last one used). Web Crypto only: it runs in the
 * browser and in Node alike.
 */

export const OTP_PERIOD_SECONDS = 60;
export const OTP_DIGITS = 6;
/** Steps before the current one whose code is still accepted: with the current one, 3 minutes. */
export const OTP_PAST_STEPS = 2;
/** A step ahead is accepted too, for a phone whose clock runs a little fast. */
export const OTP_FUTURE_STEPS = 1;

export function otpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / OTP_PERIOD_SECONDS);
}

/** The code of one step (HOTP of RFC 4226 with the step as the counter). */
export async function otpAt(secret: Uint8Array, step: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    secret as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const counter = new Uint8Array(8);
  let n = step;
  for (let i = 7; i >= 0; i--) {
    counter[i] = n % 256;
    n = Math.floor(n / 256);
  }
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, counter));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** OTP_DIGITS).padStart(OTP_DIGITS, "0");
}

/** The step whose code `code` is, among the steps accepted at `nowMs`, newest first; undefined when none. */
export async function matchingStep(secret: Uint8Array, code: string, nowMs: number): Promise<number | undefined> {
  const current = otpStep(nowMs);
  for (let step = current + OTP_FUTURE_STEPS; step >= current - OTP_PAST_STEPS; step--) {
    if ((await otpAt(secret, step)) === code) return step;
  }
  return undefined;
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
