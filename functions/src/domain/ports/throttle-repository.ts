/** Recent failures of one throttled bucket (an account, a client, a store's PIN), saved with optimistic versions. */

export interface ThrottleState {
  /** Times (ms) of failures inside the window. */
  failures: number[];
  /** Claim times (ms) of attempts whose secret is being checked: they count towards the limit until settled. */
  pending: number[];
  /** 0 when open. */
  lockedUntil: number;
  /** Locks in a row; each lock lasts twice the one before, up to the policy's longest. */
  lockouts: number;
  /** When it was last saved (ms): an emptied bucket expires a day after it. */
  touchedAt: number;
  version: number;
}

export interface ThrottleRepository {
  /** `bucket` names what is counted, such as `login-account:<email>`; adapters store only a hash of it. */
  get(bucket: string): Promise<ThrottleState>;
  /** Saves when nobody else changed it since `expectedVersion`; false on a race. */
  save(bucket: string, state: Omit<ThrottleState, "version">, expectedVersion: number): Promise<boolean>;
}
