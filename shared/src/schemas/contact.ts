/**
 * How a shopper can be reached after opting in. The kiosk checks the form with these objects and the server
 * parses answers with the same ones (responses.ts), so they are written with zod/mini: the kiosk then
 * downloads a small part of zod instead of all of it.
 */
import * as z from "zod/mini";

/** E.164-ish phone: a plus and 8 to 15 digits, spaces allowed while typing. */
export const Phone = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.replace(/[\s()-]/g, "")),
  ),
  z.string().check(z.regex(/^\+?[0-9]{8,15}$/, "a phone number with 8 to 15 digits")),
);
export const Email = z.email().check(z.maxLength(254));

export const SocialHandle = z.strictObject({
  network: z.enum(["instagram", "tiktok", "facebook", "x"]),
  handle: z.pipe(
    z.pipe(
      z.string(),
      z.transform((s: string) => s.trim().replace(/^@/, "")),
    ),
    z.string().check(z.regex(/^[A-Za-z0-9._]{1,30}$/, "a handle of letters, digits, dots and underscores")),
  ),
});

export const Consent = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  granted: z.literal(true, { error: "consent must be granted to opt in" }),
});

/**
 * An opt-in: a way to reach the shopper and what they agreed to. `consent` is the store's marketing consent
 * (news, offers, follow-ups); `loyalty` joins the loyalty programme with the programme's consent text, and needs
 * an e-mail or a phone, where the member's card link is sent. At least one of the two is given.
 */
export const OptIn = z
  .strictObject({
    email: z.optional(Email),
    phone: z.optional(Phone),
    social: z.optional(SocialHandle),
    consent: z.optional(Consent),
    loyalty: z.optional(Consent),
  })
  .check(
    z.refine((o) => o.email || o.phone || o.social, "an opt-in needs an email, a phone or a social handle"),
    z.refine((o) => o.consent || o.loyalty, { message: "consent must be granted to opt in", path: ["consent"] }),
    z.refine((o) => !o.loyalty || o.email || o.phone, {
      message: "joining the loyalty programme needs an email or a phone",
      path: ["loyalty"],
    }),
  );
export type OptIn = z.infer<typeof OptIn>;
