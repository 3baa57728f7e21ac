/**
 * Throttling of guesses (passwords, staff PINs, pairing codes). A bucket counts failures in a sliding
 * window; reaching the limit locks it, each lock in a row twice as long as the one before. An attempt
 * claims a failure before its secret is checked and gives it back on success, so concurrent guesses
 * cannot get past the limit. The policy functions are pure; `claim` and `settle` apply them to the store.
 */
import { TooManyRequests } from "./errors.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { Clock } from "./ports/clock.ts";
import type { ThrottleRepository, ThrottleState } from "./ports/throttle-repository.ts";

export interface ThrottlePolicy {
  /** What the log calls it. */
  kind: string;
  maxFailures: number;
  windowMs: number;
  /** The first lock; each next one in a row doubles, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Sign-in per account and per client: 5 failures in 15 minutes lock for 15 minutes, then 30, 60… up to 4 h. */
export const LOGIN_ACCOUNT: ThrottlePolicy = {
  kind: "login-account",
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 4 * HOUR,
};
export const LOGIN_CLIENT: ThrottlePolicy = { ...LOGIN_ACCOUNT, kind: "login-client" };
/** Staff PIN per store and client (an address, or a paired kiosk): the same as sign-in. */
export const PIN_CLIENT: ThrottlePolicy = { ...LOGIN_ACCOUNT, kind: "pin-client" };
/**
 * The ceiling of a store's PIN over every client that is not a paired kiosk: 100 failures a day. One
 * client reaches 5 before its own lock, so tripping it takes 20 addresses; kiosks keep working when it trips.
 */
export const PIN_STORE: ThrottlePolicy = {
  kind: "pin-store",
  maxFailures: 100,
  windowMs: 24 * HOUR,
  lockMs: HOUR,
  maxLockMs: 24 * HOUR,
};
/** Pairing codes per client: 10 wrong codes in 15 minutes lock for 15 minutes, doubling up to 4 h. */
export const PAIRING_CLIENT: ThrottlePolicy = { ...LOGIN_ACCOUNT, kind: "pairing-client", maxFailures: 10 };

/** A bucket and the policy that counts it. */
export interface Bucket {
  key: string;
  policy: ThrottlePolicy;
}

export interface ThrottleDeps {
  throttles: ThrottleRepository;
  clock: Clock;
  log: AuditLog;
}

type State = Omit<ThrottleState, "version">;

/** Milliseconds the bucket stays locked; 0 when open. */
export function lockedFor(state: State, now: number): number {
  return Math.max(0, state.lockedUntil - now);
}

/** The state after one more failure at `now`: counted in the window, and locked when that reaches the limit. */
export function withFailure(state: State, policy: ThrottlePolicy, now: number): State {
  const newest = Math.max(state.lockedUntil, ...state.failures, 0);
  // A quiet spell as long as the longest lock forgets the locks in a row.
  const lockouts = now - newest > policy.maxLockMs ? 0 : state.lockouts;
  const failures = [...state.failures.filter((t) => t > now - policy.windowMs), now];
  if (failures.length < policy.maxFailures) return { failures, lockedUntil: 0, lockouts, touchedAt: now };
  const lockMs = Math.min(policy.maxLockMs, policy.lockMs * 2 ** lockouts);
  return { failures: [], lockedUntil: now + lockMs, lockouts: lockouts + 1, touchedAt: now };
}

/** The state after a success: `reset` empties the bucket; otherwise only the attempt's own claim is given back. */
export function withSuccess(state: State, claimedAt: number, reset: boolean, now: number): State {
  if (reset) return { failures: [], lockedUntil: 0, lockouts: 0, touchedAt: now };
  const at = state.failures.indexOf(claimedAt);
  const failures = at < 0 ? state.failures : state.failures.filter((_, i) => i !== at);
  return { ...state, failures, touchedAt: now };
}

/**
 * Refuses (429, Retry-After) while any bucket is locked; otherwise counts a failure in each, to be given
 * back by `settle` on success. Returns the claim's time.
 */
export async function claim(deps: ThrottleDeps, buckets: Bucket[], refusal: string): Promise<number> {
  const now = deps.clock.now().getTime();
  const states = await Promise.all(buckets.map((b) => deps.throttles.get(b.key)));
  const refuse = (waitMs: number) => new TooManyRequests(refusal, Math.ceil(waitMs / 1000));
  const wait = Math.max(0, ...states.map((s) => lockedFor(s, now)));
  if (wait > 0) throw refuse(wait);
  await Promise.all(
    buckets.map((bucket, i) =>
      update(deps, bucket.key, states[i]!, (state) => {
        // Read again on every race: a lock set meanwhile by a concurrent attempt refuses this one.
        const locked = lockedFor(state, now);
        if (locked > 0) throw refuse(locked);
        const next = withFailure(state, bucket.policy, now);
        if (next.lockedUntil > 0) {
          deps.log.warn("throttle: a bucket is locked after repeated failures", {
            kind: bucket.policy.kind,
            failures: bucket.policy.maxFailures,
            lockSeconds: Math.round((next.lockedUntil - now) / 1000),
          });
        }
        return next;
      }),
    ),
  );
  return now;
}

/** After a success: each bucket in `reset` is emptied, each other one gives back the attempt's claim. */
export async function settle(deps: ThrottleDeps, claimedAt: number, reset: Bucket[], release: Bucket[] = []) {
  const now = deps.clock.now().getTime();
  await Promise.all([
    ...reset.map((b) => update(deps, b.key, undefined, (s) => withSuccess(s, claimedAt, true, now))),
    ...release.map((b) => update(deps, b.key, undefined, (s) => withSuccess(s, claimedAt, false, now))),
  ]);
}

/** Applies `change` with optimistic versions, reading again after a race. */
async function update(
  deps: ThrottleDeps,
  key: string,
  first: ThrottleState | undefined,
  change: (state: State) => State,
): Promise<void> {
  let state = first ?? (await deps.throttles.get(key));
  for (let attempt = 0; attempt < 50; attempt++) {
    const { version, ...current } = state;
    if (await deps.throttles.save(key, change(current), version)) return;
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    state = await deps.throttles.get(key);
  }
  throw new TooManyRequests("Too many sign-ins at once: try again", 2);
}
