/** Who is calling, as a verified bearer token or integration key says. */
import type { Role } from "@sonrisa/shared/schemas/common";
import type { IntegrationPermission, KeyStores } from "@sonrisa/shared/schemas/integrations";

export interface Principal {
  /** `integration` only for an integration key (never in a signed token). */
  role: Role | "integration";
  /** e-mail for users, device id for devices, `staff:<storeId>` for staff, the key id for integration keys */
  sub: string;
  /** Set for store-scoped tokens (staff, device): the one store they reach. */
  storeId?: string;
  /** Set for managers: the stores they reach. */
  stores?: string[];
  /** Users: the user's version; staff: the store PIN's version. A token of an older version is refused. */
  sv?: number;
  /** Set for a named staff member's token. */
  staffId?: string;
  /** Set for integration keys: the stores and permissions the key has. */
  key?: { keyId: string; stores: KeyStores; permissions: IntegrationPermission[] };
}
