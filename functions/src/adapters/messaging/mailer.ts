/**
 * E-mail through nodemailer: SMTP (the local catcher, or any relay) when SMTP_URL is set, otherwise Amazon
 * SES v2 with the configuration set whose bounce and complaint events suppress addresses. Errors are sorted
 * into "certainly not sent" (retry), "refused" and "may have gone" (unknown, never resent).
 */
import { connect } from "node:net";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { createTransport, type Transporter } from "nodemailer";
import type SESTransport from "nodemailer/lib/ses-transport";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { Config } from "../../config.ts";
import type { Mailer, SendResult } from "../../domain/ports/mailer.ts";

type MailConfig = Pick<Config, "SMTP_URL" | "MAIL_FROM" | "SES_CONFIGURATION_SET">;

export function makeMailer(config: MailConfig): Mailer {
  let transport: Transporter | undefined;
  const transporter = () => {
    transport ??= config.SMTP_URL
      ? smtpTransport(config.SMTP_URL)
      : // nodemailer 7 takes the SES v2 client and command; its type definitions still describe v1.
        createTransport({
          SES: { sesClient: new SESv2Client({}), SendEmailCommand },
        } as unknown as SESTransport.Options);
    return transport;
  };
  return {
    async send(mail): Promise<SendResult> {
      try {
        const info = await transporter().sendMail({
          from: config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          headers: mail.headers ?? {},
          ...(config.SMTP_URL || !config.SES_CONFIGURATION_SET
            ? {}
            : {
                ses: {
                  ConfigurationSetName: config.SES_CONFIGURATION_SET,
                  EmailTags: [{ Name: "message", Value: tagValue(mail.reference) }],
                },
              }),
        });
        return { outcome: "sent", providerId: String(info.messageId ?? "") };
      } catch (error) {
        return classify(error as SmtpError);
      }
    },
  };
}

/** A pool of up to 5 connections, kept open between messages. */
function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" || !LOOPBACK.has(url.hostname) || url.username || url.search)
    return createTransport(pooled(url));
  // The local catcher (plain SMTP on this machine): its connections without Nagle's algorithm, or each message
  // waits out the 40 ms delayed acknowledgement of loopback (45 ms a mail measured, 3 ms without).
  const at = { host: url.hostname, port: Number(url.port || 25) };
  return createTransport({
    pool: true,
    maxConnections: 5,
    ...at,
    secure: false,
    getSocket(_options, callback) {
      const socket = connect({ ...at, noDelay: true });
      socket.once("connect", () => {
        socket.removeListener("error", callback);
        callback(null, { connection: socket });
      });
      socket.once("error", callback);
    },
  } as SMTPPool.Options);
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Any other relay: its URL as nodemailer reads it (options in the query), pooled. */
function pooled(url: URL): string {
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", "5");
  return url.toString();
}

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  $metadata?: { httpStatusCode?: number };
}

/** SES tags allow letters, digits, `_` and `-`. */
function tagValue(reference: string): string {
  return reference.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);
}

function classify(error: SmtpError): SendResult {
  const reason = `${error.name}${error.code ? ` ${error.code}` : ""}${error.responseCode ? ` ${error.responseCode}` : ""}`;
  // SES: a rejected message or address is final; throttling and 5xx are retried; a lost answer is unknown.
  if (error.$metadata) {
    if (
      error.name === "MessageRejected" ||
      error.name === "MailFromDomainNotVerifiedException" ||
      error.name === "BadRequestException"
    ) {
      return { outcome: "rejected", reason };
    }
    if (
      error.name === "TooManyRequestsException" ||
      error.name === "LimitExceededException" ||
      error.name === "SendingPausedException"
    ) {
      return { outcome: "retry", reason };
    }
    return { outcome: "unknown", reason };
  }
  // SMTP: a 5xx reply is final, a 4xx reply or a failed connection means nothing was accepted.
  if (error.responseCode && error.responseCode >= 500) return { outcome: "rejected", reason };
  if (error.responseCode && error.responseCode >= 400) return { outcome: "retry", reason };
  if (error.code === "ECONNECTION" || error.command === "CONN" || error.code === "EENVELOPE")
    return { outcome: "retry", reason };
  return { outcome: "unknown", reason };
}
