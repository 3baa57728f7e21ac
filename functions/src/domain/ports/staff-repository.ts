/** A store's staff PIN (with the version its staff tokens carry) and its named staff members. */

export interface StaffPinRecord {
  /** Undefined until a PIN is set here; the store profile's older `staffPinHash` applies meanwhile. */
  pinHash?: string;
  /** Bumped by every rotation; staff tokens of an older version are refused. */
  version: number;
  /** The fewest digits this store accepts for its PINs (4–8). */
  minDigits: number;
  updatedAt?: string;
}

export interface StaffMemberRecord {
  storeId: string;
  staffId: string;
  name: string;
  pinHash: string;
  createdAt: string;
}

export interface StaffRepository {
  pin(storeId: string): Promise<StaffPinRecord>;
  /** Saves the PIN if the stored version is still `expectedVersion` (0: none stored); false on a race. */
  setPin(storeId: string, pin: Omit<StaffPinRecord, "version">, expectedVersion: number): Promise<boolean>;
  members(storeId: string): Promise<StaffMemberRecord[]>;
  member(storeId: string, staffId: string): Promise<StaffMemberRecord | undefined>;
  addMember(member: StaffMemberRecord): Promise<boolean>;
  /** False when there was no such member. */
  removeMember(storeId: string, staffId: string): Promise<boolean>;
}
