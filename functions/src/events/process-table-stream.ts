/**
 * The table's stream consumer: new answers (contacts, consent, follow-ups, spike alerts) and stock changes
 * (low-stock alerts), and the webhook outbox's messages for the changes endpoints take. A batch's records run
 * side by side except those that share an item or a person, which run in stream order (events/in-order-per-key.ts).
 * Reports the first failed record by sequence number (ReportBatchItemFailures), so Lambda retries from it and a
 * poison record ends in the failure queue; everything it does is idempotent.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { logger } from "../adapters/logger.ts";
import { Unavailable } from "../domain/errors.ts";
import { handleTableChange, type StreamDeps } from "../domain/stream-changes.ts";
import { type WebhookQueueDeps, webhookQueue } from "../domain/webhook-events.ts";
import { outageLog } from "../middleware/outage-log.ts";
import { wired } from "../wiring.ts";
import { inOrderPerKey } from "./in-order-per-key.ts";

export function makeConsumer(deps: StreamDeps & WebhookQueueDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const webhooks = webhookQueue(deps);
    const handle = async (record: DynamoDBRecord): Promise<boolean> => {
      try {
        await handleTableChange(deps, record);
        await webhooks.queue(record);
        return true;
      } catch (error) {
        // The table not answering is an outage, logged once per burst as the API does; the record is retried.
        if (error instanceof Unavailable) outageLog.record(error.kind);
        // Never the record itself: its image holds personal data.
        else
          logger.error("stream record failed", {
            eventID: record.eventID,
            error: { name: (error as Error).name, message: (error as Error).message },
          });
        return false;
      }
    };
    const failed = await inOrderPerKey(event.Records, (r) => deps.changes.orderKeys(r), handle);
    if (failed === undefined) return { batchItemFailures: [] };
    return { batchItemFailures: [{ itemIdentifier: event.Records[failed]?.dynamodb?.SequenceNumber ?? "" }] };
  };
}

// Settings from the warm function's few-second copies, as the kiosk's routes read them: every opted-in or low
// answer reads its store and alert settings, every opt-in the follow-up rules and its consent text, and every
// won exposure its rule (docs/api.md says how soon a change applies).
export const handler = wired((deps) =>
  makeConsumer({
    ...deps,
    stores: { ...deps.stores, ...deps.hot.stores },
    rules: { ...deps.rules, ...deps.hot.rules },
    followUpRules: { ...deps.followUpRules, ...deps.hot.followUpRules },
    alerts: { ...deps.alerts, ...deps.hot.alertSettings },
    consentTexts: deps.hot.consentTexts,
  }),
);
