/**
 * How a person is recognised across stores: e-mail lower-cased, phone in E.164, `network:handle` lower-cased.
 * A phone typed without a country code takes the store's, from its time zone.
 */
import type { OptIn } from "@sonrisa/shared/schemas/contact";
import type { Identity } from "./ports/contact-repository.ts";

/** Country calling codes of the zones stores are in; add a zone when a store opens in a new country. */
const CALLING_CODES: Record<string, string> = {
  "Europe/Madrid": "34",
  "Atlantic/Canary": "34",
  "Africa/Ceuta": "34",
  "Europe/Lisbon": "351",
  "Europe/Paris": "33",
  "Europe/London": "44",
  "Europe/Berlin": "49",
  "Europe/Rome": "39",
  "America/Mexico_City": "52",
  "America/Monterrey": "52",
  "America/Cancun": "52",
  "America/Tijuana": "52",
  "America/Bogota": "57",
  "America/Argentina/Buenos_Aires": "54",
  "America/Santiago": "56",
  "America/Lima": "51",
  "America/New_York": "1",
  "America/Los_Angeles": "1",
};

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** E.164: `+` and digits. `00…` is international; a number without a code gets the store's country code. */
export function normalisePhone(phone: string, timeZone: string | undefined): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return `+${digits.slice(1).replace(/\D/g, "")}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  const code = timeZone ? CALLING_CODES[timeZone] : undefined;
  return code && !digits.startsWith(code) ? `+${code}${digits}` : `+${digits}`;
}

export const normaliseHandle = (network: string, handle: string): string =>
  `${network}:${handle.trim().replace(/^@/, "").toLowerCase()}`;

/** The identities of an opt-in, strongest first. */
export function identitiesOf(optIn: OptIn, timeZone: string): Identity[] {
  const out: Identity[] = [];
  if (optIn.email) out.push({ kind: "email", value: normaliseEmail(optIn.email) });
  if (optIn.phone) out.push({ kind: "phone", value: normalisePhone(optIn.phone, timeZone) });
  if (optIn.social) out.push({ kind: "social", value: normaliseHandle(optIn.social.network, optIn.social.handle) });
  return out;
}

const NETWORKS = ["instagram", "tiktok", "facebook", "x"] as const;

/** What a search box's text may be: an e-mail, a phone (as typed, or in each known country) or a handle. */
export function identitiesForSearch(q: string, timeZones: string[]): Identity[] {
  const text = q.trim();
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) return [{ kind: "email", value: normaliseEmail(text) }];
  const digits = text.replace(/[\s()-]/g, "");
  if (/^\+?\d{6,15}$/.test(digits)) {
    const phones = digits.startsWith("+")
      ? [digits]
      : [`+${digits}`, ...timeZones.map((z) => normalisePhone(digits, z))];
    return [...new Set(phones)].map((value) => ({ kind: "phone", value }));
  }
  const withNetwork = /^(instagram|tiktok|facebook|x):@?([A-Za-z0-9._]{1,30})$/i.exec(text);
  if (withNetwork) return [{ kind: "social", value: normaliseHandle(withNetwork[1]!.toLowerCase(), withNetwork[2]!) }];
  const handle = /^@?([A-Za-z0-9._]{1,30})$/.exec(text)?.[1];
  return handle ? NETWORKS.map((network) => ({ kind: "social", value: normaliseHandle(network, handle) })) : [];
}
