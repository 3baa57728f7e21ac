/** Who is calling, as a verified bearer token says. */
import type { Role } from "@sonrisa/shared/schemas/common";

export interface Principal {
  role: Role;
  /** e-mail for users, device id for devices, `staff:<storeId>` for staff */
  sub: string;
  /** Set for store-scoped tokens (staff, device): the one store they reach. */
  storeId?: string;
  /** Set for managers: the stores they reach. */
  stores?: string[];
  /** Users: the user's version; staff: the store PIN's version. A token of an older version is refused. */
  sv?: number;
  /** Set for a named staff member's token. */
  staffId?: string;
}
