/**
 * Text messages: to the local SMS catcher over HTTP when SMS_URL is set, otherwise Amazon SNS (transactional
 * SMS). The same outcomes as e-mail: retry only what certainly did not go.
 */
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Config } from "../../config.ts";
import type { SendResult } from "../../domain/ports/mailer.ts";
import type { SmsSender } from "../../domain/ports/sms-sender.ts";

export function makeSmsSender(config: Pick<Config, "SMS_URL">): SmsSender {
  if (config.SMS_URL) {
    const url = config.SMS_URL;
    return {
      async send(sms): Promise<SendResult> {
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }),
            signal: AbortSignal.timeout(10_000),
          });
          if (res.ok) return { outcome: "sent", providerId: ((await res.json()) as { id?: string }).id };
          return res.status >= 500
            ? { outcome: "retry", reason: `catcher ${res.status}` }
            : { outcome: "rejected", reason: `catcher ${res.status}` };
        } catch (error) {
          return { outcome: "unknown", reason: (error as Error).name };
        }
      },
    };
  }
  let client: SNSClient | undefined;
  return {
    async send(sms): Promise<SendResult> {
      client ??= new SNSClient({});
      try {
        const out = await client.send(
          new PublishCommand({
            PhoneNumber: sms.to,
            Message: sms.text,
            MessageAttributes: { "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" } },
          }),
        );
        return { outcome: "sent", providerId: out.MessageId };
      } catch (error) {
        const e = error as Error & { $metadata?: { httpStatusCode?: number } };
        if (e.name === "InvalidParameterException" || e.name === "OptedOutException")
          return { outcome: "rejected", reason: e.name };
        if (e.name === "ThrottledException") return { outcome: "retry", reason: e.name };
        return { outcome: "unknown", reason: e.name };
      }
    },
  };
}
