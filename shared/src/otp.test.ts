import { describe, expect, it } from "vitest";
import { matchingStep, otpAt, otpStep } from "./otp.ts";

// RFC 6238 appendix B: the SHA-1 secret is "12345678901234567890"; with a 30 s step at T = 59 s the 8-digit
// code is 94287082, so the 6-digit code of counter 1 is its last six digits.
const rfcSecret = new TextEncoder().encode("12345678901234567890");

describe("the card's rotating code", () => {
  it("is the RFC 4226/6238 HOTP of the step", async () => {
    expect(await otpAt(rfcSecret, 1)).toBe("287082");
    expect(await otpAt(rfcSecret, 0x23523ec)).toBe("081804");
  });

  it("is accepted for the current step and the two before, not the third before", async () => {
    const now = 1_800_000_000_000;
    const step = otpStep(now);
    expect(await matchingStep(rfcSecret, await otpAt(rfcSecret, step), now)).toBe(step);
    expect(await matchingStep(rfcSecret, await otpAt(rfcSecret, step - 2), now)).toBe(step - 2);
    expect(await matchingStep(rfcSecret, await otpAt(rfcSecret, step + 1), now)).toBe(step + 1);
    expect(await matchingStep(rfcSecret, await otpAt(rfcSecret, step - 3), now)).toBeUndefined();
  });
});
