/**
 * What a member card's QR code says, in one place for the card page, the kiosk's scanner and the staff console:
 * `SONRISA-<member code>` and, on the card, the rotating code of the minute (`SONRISA-<code>-<123456>`), so a
 * photo of the QR code redeems nothing once the code has moved on. No zod: the kiosk imports it.
 */

export function cardQrText(code: string, otp?: string): string {
  return otp ? `SONRISA-${code}-${otp}` : `SONRISA-${code}`;
}

/** Reads a card's QR code; undefined for anything else. */
export function parseCardQr(text: string): { code: string; otp?: string } | undefined {
  const m = /^SONRISA-([A-Z0-9]{4,16})(?:-(\d{6}))?$/.exec(text.trim());
  if (!m) return undefined;
  return m[2] ? { code: m[1]!, otp: m[2] } : { code: m[1]! };
}
