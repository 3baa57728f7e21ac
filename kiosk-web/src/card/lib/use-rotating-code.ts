/** The card's rotating code of this minute, made on the phone from the card's secret (works offline). */
import { fromBase64Url, OTP_PERIOD_SECONDS, otpAt, otpStep } from "@sonrisa/shared/otp";
import { useEffect, useState } from "preact/hooks";

export interface RotatingCode {
  code: string;
  /** seconds until the next code */
  left: number;
}

export function useRotatingCode(secret: string, skewMs: number): RotatingCode | undefined {
  const [tick, setTick] = useState(() => Date.now());
  const [code, setCode] = useState<{ step: number; code: string }>();
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The server's time as the card last read it: a fresh read's skew counts from the very render it arrives in,
  // so the code of the kept copy's skew is never shown after it.
  const now = tick + skewMs;
  const step = otpStep(now);
  useEffect(() => {
    let stale = false;
    void otpAt(fromBase64Url(secret), step).then((c) => !stale && setCode({ step, code: c }));
    return () => {
      stale = true;
    };
  }, [secret, step]);
  if (!code || code.step !== step) return undefined;
  return { code: code.code, left: OTP_PERIOD_SECONDS - (Math.floor(now / 1000) % OTP_PERIOD_SECONDS) };
}
