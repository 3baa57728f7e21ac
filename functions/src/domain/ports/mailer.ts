/** Sends one e-mail (SMTP locally, SES in AWS) and says what became of it. */

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** extra headers, e.g. List-Unsubscribe */
  headers?: Record<string, string>;
  /** a stable id for the provider's logs (the message id), never personal data */
  reference: string;
}

/**
 * `sent`: accepted by the server. `rejected`: refused for good (bad address, content). `retry`: certainly not
 * sent (no connection, a temporary refusal). `unknown`: it may or may not have gone (a connection lost after
 * the data was handed over): never resent.
 */
export type SendResult =
  | { outcome: "sent"; providerId?: string }
  | { outcome: "rejected"; reason: string }
  | { outcome: "retry"; reason: string }
  | { outcome: "unknown"; reason: string };

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
}
