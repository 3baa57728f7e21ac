/** The roles the People page offers, and how a person's stores read. */
import type { UserRole } from "@sonrisa/shared/schemas/users";
import type { Store, User } from "../../lib/api.ts";

export const ROLES: UserRole[] = ["admin", "marketing", "manager"];

/** Store names of a manager, or `all` for the others. */
export function storeNames(user: User, stores: Store[], all: string): string {
  if (user.role !== "manager") return all;
  return (user.stores ?? []).map((id) => stores.find((s) => s.storeId === id)?.name ?? id).join(", ");
}
