/** Recent wrong staff PINs of a store and its lock, saved with optimistic versioning. */
export interface PinGuard {
  /** Times (ms) of recent failures. */
  failures: number[];
  lockedUntil: number;
  version: number;
}

export interface PinGuardRepository {
  get(storeId: string): Promise<PinGuard>;
  /** Saves when nobody else changed it since `expectedVersion`; false on a race. */
  save(storeId: string, guard: Omit<PinGuard, "version">, expectedVersion: number): Promise<boolean>;
}
