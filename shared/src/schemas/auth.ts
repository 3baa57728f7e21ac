/** Sign-in, staff PIN and kiosk pairing. */
import { z } from "zod";
import { StoreId } from "./common.ts";
import { PairingCode } from "./pairing.ts";

export const LoginRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.strictObject({
  token: z.string(),
  role: z.enum(["admin", "marketing", "manager"]),
  expiresAt: z.iso.datetime(),
  /** Managers only: the stores they reach. */
  stores: z.array(StoreId).optional(),
});

export const StaffLoginRequest = z.strictObject({
  storeId: StoreId,
  pin: z.string().regex(/^\d{4,8}$/, "a PIN is 4 to 8 digits"),
});
export const StaffLoginResponse = z.strictObject({
  token: z.string(),
  role: z.literal("staff"),
  storeId: StoreId,
  expiresAt: z.iso.datetime(),
  /** Set when a named staff member signed in with their own PIN. */
  staffId: z.string().optional(),
  staffName: z.string().optional(),
});

// The kiosk checks pairing codes too, so they live in pairing.ts (zod/mini); PairRequest uses the same object.
export { PAIRING_ALPHABET, PairingCode } from "./pairing.ts";

export const PairingCodeResponse = z.strictObject({ code: z.string(), expiresAt: z.iso.datetime() });
export const PairRequest = z.strictObject({ code: PairingCode });
export const PairResponse = z.strictObject({
  deviceToken: z.string(),
  deviceId: z.string(),
  storeId: StoreId,
});

export type LoginRequest = z.infer<typeof LoginRequest>;
export type LoginResponse = z.infer<typeof LoginResponse>;
export type StaffLoginRequest = z.infer<typeof StaffLoginRequest>;
export type StaffLoginResponse = z.infer<typeof StaffLoginResponse>;
export type PairRequest = z.infer<typeof PairRequest>;
export type PairResponse = z.infer<typeof PairResponse>;
export type PairingCodeResponse = z.infer<typeof PairingCodeResponse>;
