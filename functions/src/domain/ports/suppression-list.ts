/** Addresses that must not get mail or texts again: hard bounces, complaints, SMS opt-outs. */

export interface SuppressionList {
  add(address: string, reason: "bounce" | "complaint" | "sms-opt-out", at: string): Promise<void>;
  has(address: string): Promise<boolean>;
}
