/**
 * Throttling of guesses (passwords, staff PINs, pairing codes). A bucket counts failures in a sliding
 * window; reaching the limit locks it, each lock in a row twice as long as the one before. An attempt is
 * claimed before its secret is checked and counts (in flight) until it is settled, so concurrent guesses
 * cannot get past the limit, while successes, even many at once, never lock anything. The policy
 * functions are pure; `claim`, `fail` and `settle` apply them to the store.
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

/**
 * Guessing members: unknown phones or member codes, 20 in 15 minutes per device (a kiosk) or per client (a
 * staff console's address) lock that device or client's lookups for 15 minutes, doubling up to 4 h. A shopper
 * mistyping a phone is far from it; walking a country's phone numbers is far beyond it.
 */
export const MEMBER_GUESS: ThrottlePolicy = { ...LOGIN_ACCOUNT, kind: "member-guess", maxFailures: 20 };
/**
 * The card's rotating code: 5 wrong codes in 15 minutes for one member lock its redemptions for 15 minutes
 * (doubling up to 4 h), and 10 from one client lock that client. With at most 4 codes valid at once, a guess
 * hits with odds of 4 in a million: about 1 in 2,000 a day at the member's limit.
 */
export const REDEEM_MEMBER: ThrottlePolicy = { ...LOGIN_ACCOUNT, kind: "redeem-member" };
export const REDEEM_CLIENT: ThrottlePolicy = { ...LOGIN_ACCOUNT, kind: "redeem-client", maxFailures: 10 };

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

/** An attempt whose outcome never came back (a crashed request) stops counting after this. */
const PENDING_MS = 60_000;

/** Milliseconds the bucket stays locked; 0 when open. */
export function lockedFor(state: State, now: number): number {
  return Math.max(0, state.lockedUntil - now);
}

/**
 * Claims an attempt at `now`: refused while locked, and while the failures in the window plus the attempts
 * in flight reach the limit (so concurrent guesses cannot get past it); otherwise counted as in flight.
 */
export function withClaim(
  state: State,
  policy: ThrottlePolicy,
  now: number,
): { state: State } | { refusedForMs: number } {
  const locked = lockedFor(state, now);
  if (locked > 0) return { refusedForMs: locked };
  const failures = state.failures.filter((t) => t > now - policy.windowMs);
  const pending = state.pending.filter((t) => t > now - PENDING_MS);
  if (failures.length + pending.length >= policy.maxFailures) return { refusedForMs: 2_000 };
  return { state: { ...state, failures, pending: [...pending, now], touchedAt: now } };
}

/** The state after the attempt claimed at `claimedAt` failed: a failure, and a lock when that reaches the limit. */
export function withFailure(state: State, policy: ThrottlePolicy, claimedAt: number, now: number): State {
  const newest = Math.max(state.lockedUntil, ...state.failures, 0);
  // A quiet spell as long as the longest lock forgets the locks in a row.
  const lockouts = now - newest > policy.maxLockMs ? 0 : state.lockouts;
  const pending = withoutOne(state.pending, claimedAt);
  const failures = [...state.failures.filter((t) => t > now - policy.windowMs), now];
  if (failures.length < policy.maxFailures) return { failures, pending, lockedUntil: 0, lockouts, touchedAt: now };
  const lockMs = Math.min(policy.maxLockMs, policy.lockMs * 2 ** lockouts);
  return { failures: [], pending, lockedUntil: now + lockMs, lockouts: lockouts + 1, touchedAt: now };
}

/** The state after a success: `reset` also forgets the failures and locks; either way the claim is settled. */
export function withSuccess(state: State, claimedAt: number, reset: boolean, now: number): State {
  const pending = withoutOne(state.pending, claimedAt);
  if (reset) return { failures: [], pending, lockedUntil: 0, lockouts: 0, touchedAt: now };
  return { ...state, pending, touchedAt: now };
}

function withoutOne(times: number[], t: number): number[] {
  const at = times.indexOf(t);
  return at < 0 ? times : times.filter((_, i) => i !== at);
}

/** Refuses (429, Retry-After) while any bucket is locked or full; otherwise claims an attempt in each. */
export async function claim(deps: ThrottleDeps, buckets: Bucket[], refusal: string): Promise<number> {
  const now = deps.clock.now().getTime();
  const refuse = (waitMs: number) => new TooManyRequests(refusal, Math.ceil(waitMs / 1000));
  const states = await Promise.all(buckets.map((b) => deps.throttles.get(b.key)));
  const wait = Math.max(0, ...states.map((s) => lockedFor(s, now)));
  if (wait > 0) throw refuse(wait);
  const claimed: Bucket[] = [];
  try {
    for (const [i, bucket] of buckets.entries()) {
      await update(deps, bucket.key, i === 0 ? states[0] : undefined, (state) => {
        // Read again on every race: a lock or a full bucket reached meanwhile refuses this attempt.
        const outcome = withClaim(state, bucket.policy, now);
        if ("refusedForMs" in outcome) throw refuse(outcome.refusedForMs);
        return outcome.state;
      });
      claimed.push(bucket);
    }
  } catch (error) {
    await settle(deps, now, [], claimed);
    throw error;
  }
  return now;
}

/** After a success: each bucket in `reset` is emptied, each other one only settles the attempt's claim. */
export async function settle(deps: ThrottleDeps, claimedAt: number, reset: Bucket[], release: Bucket[] = []) {
  const now = deps.clock.now().getTime();
  await Promise.all([
    ...reset.map((b) => update(deps, b.key, undefined, (s) => withSuccess(s, claimedAt, true, now))),
    ...release.map((b) => update(deps, b.key, undefined, (s) => withSuccess(s, claimedAt, false, now))),
  ]);
}

/** After a wrong secret: a failure in every bucket, locking those that reach their limit (each lock logged). */
export async function fail(deps: ThrottleDeps, claimedAt: number, buckets: Bucket[]): Promise<void> {
  const now = deps.clock.now().getTime();
  await Promise.all(
    buckets.map((bucket) =>
      update(deps, bucket.key, undefined, (state) => {
        const next = withFailure(state, bucket.policy, claimedAt, now);
        if (next.lockedUntil > 0 && state.lockedUntil <= now) {
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
}

/**
 * How many more failures every bucket allows now: 0 while any is locked. For guesses judged in bulk (the
 * identifications of a kiosk's batch), which are counted after the fact with {@link failMany}.
 */
export async function allowance(deps: ThrottleDeps, buckets: Bucket[]): Promise<number> {
  const now = deps.clock.now().getTime();
  const states = await Promise.all(buckets.map((b) => deps.throttles.get(b.key)));
  return Math.min(
    ...states.map((state, i) => {
      const policy = buckets[i]!.policy;
      if (lockedFor(state, now) > 0) return 0;
      return Math.max(0, policy.maxFailures - state.failures.filter((t) => t > now - policy.windowMs).length);
    }),
  );
}

/** Records `count` failures in every bucket at once, locking those that reach their limit (each lock logged). */
export async function failMany(deps: ThrottleDeps, buckets: Bucket[], count: number): Promise<void> {
  if (count <= 0) return;
  const now = deps.clock.now().getTime();
  await Promise.all(
    buckets.map((bucket) =>
      update(deps, bucket.key, undefined, (state) => {
        let next = state;
        for (let i = 0; i < count && next.lockedUntil <= now; i++) next = withFailure(next, bucket.policy, -1, now);
        if (next.lockedUntil > now && state.lockedUntil <= now) {
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
}

/** Applies `change` with optimistic versions, reading again after a race; `change` may throw to give up. */
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
