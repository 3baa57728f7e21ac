/**
 * SES bounce and complaint events (through the configuration set's SNS topic): a hard bounce or a complaint
 * puts the address on the suppression list, so nothing is sent to it again. Logs counts, never addresses.
 */
import type { SNSEvent } from "aws-lambda";
import { logger } from "../adapters/logger.ts";
import type { Clock } from "../domain/ports/clock.ts";
import type { SuppressionList } from "../domain/ports/suppression-list.ts";
import { wired } from "../wiring.ts";

interface SesEvent {
  eventType?: string;
  notificationType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string }[] };
  complaint?: { complainedRecipients?: { emailAddress: string }[] };
}

export function makeConsumer(deps: { suppressions: SuppressionList; clock: Clock }) {
  return async (event: SNSEvent): Promise<{ suppressed: number }> => {
    let suppressed = 0;
    for (const record of event.Records) {
      const ses = JSON.parse(record.Sns.Message) as SesEvent;
      const type = ses.eventType ?? ses.notificationType;
      const at = deps.clock.now().toISOString();
      if (type === "Bounce" && ses.bounce?.bounceType === "Permanent") {
        for (const r of ses.bounce.bouncedRecipients ?? []) await deps.suppressions.add(r.emailAddress, "bounce", at);
        suppressed += ses.bounce.bouncedRecipients?.length ?? 0;
      } else if (type === "Complaint") {
        for (const r of ses.complaint?.complainedRecipients ?? [])
          await deps.suppressions.add(r.emailAddress, "complaint", at);
        suppressed += ses.complaint?.complainedRecipients?.length ?? 0;
      }
    }
    if (suppressed) logger.info("addresses suppressed", { suppressed });
    return { suppressed };
  };
}

export const handler = wired(makeConsumer);
