/** The throttle's policy: failures in a sliding window, locks that double in a row, successes that reset. */
import { describe, expect, it } from "vitest";
import type { ThrottleRepository, ThrottleState } from "./ports/throttle-repository.ts";
import {
  claim,
  fail as failAttempt,
  LOGIN_ACCOUNT,
  lockedFor,
  PAIRING_CLIENT,
  PIN_STORE,
  withClaim,
  withFailure,
  withSuccess,
} from "./throttle.ts";

type State = Parameters<typeof withFailure>[0];
const MINUTE = 60_000;
const empty: State = { failures: [], pending: [], lockedUntil: 0, lockouts: 0, touchedAt: 0 };
/** Claims and fails an attempt at each time. */
const fail = (times: number[], policy = LOGIN_ACCOUNT, start = empty): State =>
  times.reduce<State>((state, t) => {
    const claimed = withClaim(state, policy, t);
    if (!("state" in claimed)) throw new Error(`refused at ${t}`);
    return withFailure(claimed.state, policy, t, t);
  }, start);

describe("throttle policy", () => {
  it("locks on the fifth failure inside 15 minutes, for 15 minutes", () => {
    const four = fail([0, 1, 2, 3].map((i) => i * MINUTE));
    const five = fail([4 * MINUTE], LOGIN_ACCOUNT, four);

    expect(lockedFor(four, 4 * MINUTE)).toBe(0);
    expect(lockedFor(five, 4 * MINUTE)).toBe(15 * MINUTE);
    expect(withClaim(five, LOGIN_ACCOUNT, 10 * MINUTE)).toEqual({ refusedForMs: 9 * MINUTE });
    expect(lockedFor(five, 19 * MINUTE)).toBe(0);
  });

  it("forgets failures older than the window", () => {
    const spread = fail([0, 4, 8, 12, 16].map((m) => m * MINUTE));
    expect(spread.lockedUntil).toBe(0);
    expect(spread.failures).toHaveLength(4);
  });

  it("doubles each lock in a row, up to the longest, and forgets them after a quiet spell", () => {
    let state = fail([0, 1, 2, 3, 4]);
    const locks = [state.lockedUntil - 4];
    for (let round = 1; round < 6; round++) {
      const t = state.lockedUntil + 1;
      state = fail([t, t + 1, t + 2, t + 3, t + 4], LOGIN_ACCOUNT, state);
      locks.push(state.lockedUntil - (t + 4));
    }
    expect(locks.map((ms) => ms / MINUTE)).toEqual([15, 30, 60, 120, 240, 240]);

    const later = state.lockedUntil + 5 * 60 * MINUTE;
    const fresh = fail(
      [0, 1, 2, 3, 4].map((i) => later + i),
      LOGIN_ACCOUNT,
      state,
    );
    expect(fresh.lockedUntil - (later + 4)).toBe(15 * MINUTE);
  });

  it("counts attempts in flight: a sixth concurrent attempt is refused, but successes never lock", () => {
    let state = empty;
    for (let i = 0; i < 5; i++) {
      const claimed = withClaim(state, LOGIN_ACCOUNT, i);
      if (!("state" in claimed)) throw new Error("refused");
      state = claimed.state;
    }
    expect(withClaim(state, LOGIN_ACCOUNT, 5)).toEqual({ refusedForMs: 2_000 });
    for (let i = 0; i < 5; i++) state = withSuccess(state, i, false, 10);
    expect(state).toMatchObject({ pending: [], failures: [], lockedUntil: 0 });
    expect("state" in withClaim(state, LOGIN_ACCOUNT, 11)).toBe(true);
  });

  it("a success resets a bucket, or only settles its own claim", () => {
    const state = { ...fail([10, 20]), pending: [30] };
    expect(withSuccess(state, 30, true, 40)).toMatchObject({ failures: [], pending: [], lockedUntil: 0, lockouts: 0 });
    expect(withSuccess(state, 30, false, 40)).toMatchObject({ failures: [10, 20], pending: [] });
  });

  it("the store ceiling takes 100 failures in a day", () => {
    const ninetyNine = fail(
      Array.from({ length: 99 }, (_, i) => i * MINUTE),
      PIN_STORE,
    );
    expect(ninetyNine.lockedUntil).toBe(0);
    expect(fail([100 * MINUTE], PIN_STORE, ninetyNine).lockedUntil).toBeGreaterThan(0);
  });
});

describe("claiming attempts", () => {
  /** An in-memory bucket store with the repository's optimistic versions. */
  const memory = (): ThrottleRepository => {
    const items = new Map<string, ThrottleState>();
    return {
      async get(key) {
        return items.get(key) ?? { failures: [], pending: [], lockedUntil: 0, lockouts: 0, touchedAt: 0, version: 0 };
      },
      async save(key, state, expected) {
        if ((items.get(key)?.version ?? 0) !== expected) return false;
        items.set(key, { ...state, version: expected + 1 });
        return true;
      },
    };
  };

  it("refuses with 429 once locked, and logs the lock once, by kind and without the bucket", async () => {
    const warnings: [string, Record<string, string | number> | undefined][] = [];
    const deps = {
      throttles: memory(),
      clock: { now: () => new Date(1_000_000) },
      log: { warn: (message: string, fields?: Record<string, string | number>) => warnings.push([message, fields]) },
    };
    const bucket = { key: "pairing-client:203.0.113.7", policy: PAIRING_CLIENT };
    for (let i = 0; i < 10; i++) await failAttempt(deps, await claim(deps, [bucket], "no"), [bucket]);

    await expect(claim(deps, [bucket], "no")).rejects.toMatchObject({ status: 429, retryAfterSec: 900 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![1]).toMatchObject({ kind: "pairing-client", lockSeconds: 900 });
    expect(JSON.stringify(warnings)).not.toContain("203.0.113.7");
  });
});
