/**
 * The password check does the same work whether or not the account exists (issue 11, item 1): a missing hash
 * is checked against a decoy with the real hashes' scrypt cost, so the answer's timing does not tell them apart.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

const derivations: Array<{ N?: number; r?: number; p?: number; keylen: number }> = [];

vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    scrypt: (...args: Parameters<typeof real.scrypt>) => {
      const [, , keylen, options] = args as unknown as [
        unknown,
        unknown,
        number,
        { N?: number; r?: number; p?: number },
      ];
      derivations.push({ keylen, N: options.N, r: options.r, p: options.p });
      return (real.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

const { hashSecret, verifyOrDecoy } = await import("./password-hasher.ts");

afterEach(() => {
  derivations.length = 0;
});

describe("verifyOrDecoy", () => {
  it("derives a key with the real cost for a missing hash too, and never accepts it", async () => {
    const stored = await hashSecret("right");
    derivations.length = 0;

    const known = await verifyOrDecoy("wrong", stored);
    const unknown = await verifyOrDecoy("wrong", undefined);
    const unknownRight = await verifyOrDecoy("right", undefined);

    expect([known, unknown, unknownRight]).toEqual([false, false, false]);
    expect(derivations).toHaveLength(3);
    expect(derivations[1]).toEqual(derivations[0]);
    expect(derivations[0]).toEqual({ keylen: 32, N: 16384, r: 8, p: 1 });
  });

  it("accepts the right secret against its own hash and refuses a malformed hash without deriving", async () => {
    const stored = await hashSecret("1234");
    derivations.length = 0;

    expect(await verifyOrDecoy("1234", stored)).toBe(true);
    expect(await verifyOrDecoy("1234", "plain-text")).toBe(false);
    expect(derivations).toHaveLength(1);
  });
});
