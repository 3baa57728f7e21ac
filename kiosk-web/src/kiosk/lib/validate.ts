/**
 * Kiosk-side validation with the very schema objects the server uses (written with zod/mini, so only a
 * small part of zod comes along). It is still the kiosk's largest dependency, so this module is its own
 * chunk, loaded when the pairing or opt-in screen needs it (and precached by the service worker, so it is
 * there offline too).
 */
import { OptIn } from "@sonrisa/shared/schemas/contact";
import { PairingCode } from "@sonrisa/shared/schemas/pairing";

/** The normalised code (upper case, no spaces or dashes), or undefined when it cannot be one. */
export function parsePairingCode(raw: string): string | undefined {
  const parsed = PairingCode.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export type OptInField = "email" | "phone" | "social" | "consent";
export type OptInCheck = { ok: true; value: OptIn } | { ok: false; field: OptInField };

/** Checks an opt-in as the server will; on failure names the first field to fix. */
export function parseOptIn(input: unknown): OptInCheck {
  const parsed = OptIn.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const path = parsed.error.issues[0]?.path ?? [];
  const field = path[0];
  if (field === "email" || field === "phone" || field === "social" || field === "consent") return { ok: false, field };
  if (field === "loyalty") return { ok: false, field: "consent" };
  return { ok: false, field: "email" };
}
