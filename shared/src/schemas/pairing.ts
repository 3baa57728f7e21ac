/**
 * The code a new kiosk is paired with. Written with zod/mini because the kiosk checks it too (auth.ts
 * gives the server the same object), and all of zod would be the largest thing the kiosk downloads.
 */
import * as z from "zod/mini";

/** Pairing codes are 8 characters from an alphabet without look-alikes. */
export const PAIRING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const PairingCode = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.trim().toUpperCase().replace(/[\s-]/g, "")),
  ),
  z.string().check(z.regex(/^[A-HJ-NP-Z2-9]{8}$/, "a pairing code is 8 letters and digits")),
);
