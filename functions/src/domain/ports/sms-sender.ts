/** Sends one text message (a local catcher, Amazon SNS in AWS); the same outcomes as the mailer. */
import type { SendResult } from "./mailer.ts";

export interface OutgoingSms {
  /** E.164 */
  to: string;
  text: string;
  reference: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<SendResult>;
}
