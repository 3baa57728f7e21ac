/** The throttle's policy: failures in a sliding window, locks that double in a row, successes that reset. */
import { describe, expect, it } from "vitest";
import { LOGIN_ACCOUNT, lockedFor, PIN_STORE, withFailure, withSuccess } from "./throttle.ts";

type State = Parameters<typeof withFailure>[0];
const MINUTE = 60_000;
const empty: State = { failures: [], lockedUntil: 0, lockouts: 0, touchedAt: 0 };
const fail = (times: number[], policy = LOGIN_ACCOUNT, start = empty): State =>
  times.reduce<State>((state, t) => withFailure(state, policy, t), start);

describe("throttle policy", () => {
  it("locks on the fifth failure inside 15 minutes, for 15 minutes", () => {
    const four = fail([0, 1, 2, 3].map((i) => i * MINUTE));
    const five = withFailure(four, LOGIN_ACCOUNT, 4 * MINUTE);

    expect(lockedFor(four, 4 * MINUTE)).toBe(0);
    expect(lockedFor(five, 4 * MINUTE)).toBe(15 * MINUTE);
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

  it("a success resets a bucket, or gives back only its own claim", () => {
    const state = fail([10, 20, 30]);
    expect(withSuccess(state, 30, true, 40)).toMatchObject({ failures: [], lockedUntil: 0, lockouts: 0 });
    expect(withSuccess(state, 30, false, 40).failures).toEqual([10, 20]);
  });

  it("the store ceiling takes 100 failures in a day", () => {
    const ninetyNine = fail(
      Array.from({ length: 99 }, (_, i) => i * MINUTE),
      PIN_STORE,
    );
    expect(ninetyNine.lockedUntil).toBe(0);
    expect(withFailure(ninetyNine, PIN_STORE, 100 * MINUTE).lockedUntil).toBeGreaterThan(0);
  });
});
