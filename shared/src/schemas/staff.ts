/** A store's staff PIN and its named staff members, each with a PIN of their own. */
import { z } from "zod";

/** A staff PIN: 4–8 digits. */
export const Pin = z.string().regex(/^\d{4,8}$/, "a PIN is 4 to 8 digits");

/** PUT /v1/stores/{storeId}/staff-pin: sets or rotates the store PIN; `minDigits` raises the floor for every PIN. */
export const StaffPinRequest = z
  .strictObject({ pin: Pin, minDigits: z.number().int().min(4).max(8).optional() })
  .refine((b) => b.minDigits === undefined || b.pin.length >= b.minDigits, {
    path: ["pin"],
    message: "the PIN is shorter than minDigits",
  });
export type StaffPinRequest = z.infer<typeof StaffPinRequest>;

/** The store PIN's state, never the PIN. */
export const StaffPinState = z.strictObject({
  set: z.boolean(),
  minDigits: z.number().int(),
  updatedAt: z.string().optional(),
});
export type StaffPinState = z.infer<typeof StaffPinState>;

export const StaffMember = z.strictObject({
  staffId: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** GET /v1/stores/{storeId}/staff */
export const StaffList = z.strictObject({ storeId: z.string(), pin: StaffPinState, members: z.array(StaffMember) });
export type StaffList = z.infer<typeof StaffList>;

/** A person's name as the console and the gift audit show it: letters, spaces and a few marks. */
export const StaffName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{M}\p{N} .'-]+$/u, "letters, digits, spaces, dots, apostrophes and hyphens");

/** POST /v1/stores/{storeId}/staff */
export const CreateStaffMemberRequest = z.strictObject({ name: StaffName, pin: Pin });
export type CreateStaffMemberRequest = z.infer<typeof CreateStaffMemberRequest>;

/** Most named staff members a store keeps (sign-in checks a PIN against each). */
export const MAX_STAFF_MEMBERS = 30;
