/** Integration keys: their scopes and the hash of their secret (never the secret). */
import type { IntegrationPermission, KeyStores } from "@sonrisa/shared/schemas/integrations";

export interface IntegrationKeyRecord {
  keyId: string;
  name: string;
  stores: KeyStores;
  permissions: IntegrationPermission[];
  /** SHA-256 (hex) of the whole secret; the secret itself is shown once and never stored */
  secretHash: string;
  createdAt: string;
  /** the admin's e-mail */
  createdBy: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface IntegrationKeyRepository {
  /** Creates the key; false when its id is taken. */
  create(key: IntegrationKeyRecord): Promise<boolean>;
  /** A strongly consistent read, so a revocation holds from the next request. */
  get(keyId: string): Promise<IntegrationKeyRecord | undefined>;
  /** Every key, newest first (revoked ones included). */
  list(): Promise<IntegrationKeyRecord[]>;
  /** Revokes the key once (the first date stays); undefined when there is no such key. */
  revoke(keyId: string, at: string): Promise<IntegrationKeyRecord | undefined>;
  /** Notes that the key was used at `at`. */
  touch(keyId: string, at: string): Promise<void>;
}
