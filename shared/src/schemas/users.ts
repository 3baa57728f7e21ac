/** Dashboard people: admins, marketing and store managers, and changing one's own password. */
import { z } from "zod";
import { StoreId } from "./common.ts";

/** Roles a dashboard user can have; `manager` reaches only the stores listed on the user. */
export const UserRole = z.enum(["admin", "marketing", "manager"]);
export type UserRole = z.infer<typeof UserRole>;

/** New passwords: 12 characters at least (the first admin's too). */
export const NewPassword = z.string().min(12, "a password has at least 12 characters").max(200);

/** A manager's stores: 1–100 distinct store ids. */
export const ManagerStores = z
  .array(StoreId)
  .min(1)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, "each store once");

/** A user as the API shows it: never the password hash. */
export const User = z.strictObject({
  userId: z.string(),
  email: z.email(),
  role: UserRole,
  /** Managers only: the stores they reach. */
  stores: z.array(StoreId).optional(),
  disabled: z.boolean(),
  createdAt: z.string().optional(),
});
export type User = z.infer<typeof User>;

/** GET /v1/users */
export const UserList = z.strictObject({ users: z.array(User) });
export type UserList = z.infer<typeof UserList>;

/** POST /v1/users: the admin sets a first password and tells the person, who changes it. */
export const CreateUserRequest = z
  .strictObject({
    email: z.email().max(254),
    role: UserRole,
    password: NewPassword,
    stores: ManagerStores.optional(),
  })
  .superRefine(storesMatchRole)
  .superRefine((body, ctx) => {
    if (body.role === "manager" && !body.stores) {
      ctx.addIssue({ code: "custom", path: ["stores"], message: "a manager needs at least one store" });
    }
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** PUT /v1/users/{userId}: any of role, disabled and (for managers) stores. */
export const UpdateUserRequest = z
  .strictObject({
    role: UserRole.optional(),
    disabled: z.boolean().optional(),
    stores: ManagerStores.optional(),
  })
  .refine((b) => b.role !== undefined || b.disabled !== undefined || b.stores !== undefined, "change something")
  .superRefine(storesMatchRole);
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** POST /v1/auth/password */
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** Stores belong to managers only; a manager named in the body needs them (an update may keep the old ones). */
function storesMatchRole(
  body: { role?: UserRole | undefined; stores?: string[] | undefined },
  ctx: z.RefinementCtx,
): void {
  if (body.stores && body.role && body.role !== "manager") {
    ctx.addIssue({ code: "custom", path: ["stores"], message: "only managers have stores" });
  }
}
