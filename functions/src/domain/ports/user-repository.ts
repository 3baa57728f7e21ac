/** Dashboard users (admin, marketing, manager): by e-mail for sign-in, by id for the People page. */
import type { UserRole } from "@sonrisa/shared/schemas/users";

export interface UserRecord {
  userId: string;
  email: string;
  role: UserRole;
  passwordHash: string;
  /** Managers only: the stores they reach. */
  stores?: string[];
  disabled?: boolean;
  /** Bumped by every change; tokens carry the version they were issued at, so a change ends older sessions. */
  version: number;
  createdAt?: string;
}

/** Another admin that must still be an active admin, unchanged, for a demotion or disabling to go through. */
export interface AdminKeeper {
  email: string;
  version: number;
}

export interface UserRepository {
  /** By e-mail (any case), read consistently. */
  get(email: string): Promise<UserRecord | undefined>;
  getById(userId: string): Promise<UserRecord | undefined>;
  /** Every user, by id. */
  list(): Promise<UserRecord[]>;
  /** Whether any user exists at all (for the first admin). */
  any(): Promise<boolean>;
  /** Creates the user unless one with that e-mail exists; returns whether it was created. */
  create(user: UserRecord): Promise<boolean>;
  /**
   * Saves `user` (its version already bumped) if the stored one is still at `expectedVersion` and, with a
   * `keeper`, that admin is still active and unchanged, in one transaction; false when either changed.
   */
  update(user: UserRecord, expectedVersion: number, keeper?: AdminKeeper): Promise<boolean>;
}
