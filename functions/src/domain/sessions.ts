/**
 * Whether a verified token's session still holds: a user's token until the user changes (disabled, role,
 * stores, password), a staff token until the store PIN rotates or its named member is removed. Checked on
 * every request (one consistent read), so a change ends sessions at once.
 */
import type { Principal } from "./ports/principal.ts";
import type { StaffRepository } from "./ports/staff-repository.ts";
import type { UserRepository } from "./ports/user-repository.ts";

export interface SessionDeps {
  users: UserRepository;
  staff: StaffRepository;
}

export async function sessionIsCurrent(deps: SessionDeps, principal: Principal): Promise<boolean> {
  const version = principal.sv ?? 0;
  switch (principal.role) {
    case "admin":
    case "marketing":
    case "manager": {
      const user = await deps.users.get(principal.sub);
      return Boolean(user && !user.disabled && user.role === principal.role && user.version === version);
    }
    case "staff": {
      if (!principal.storeId) return false;
      const [pin, member] = await Promise.all([
        deps.staff.pin(principal.storeId),
        principal.staffId ? deps.staff.member(principal.storeId, principal.staffId) : undefined,
      ]);
      return pin.version === version && (!principal.staffId || Boolean(member));
    }
    default:
      return true;
  }
}
