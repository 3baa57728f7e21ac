/**
 * The table's stream consumer: new answers (contacts, consent, follow-ups, spike alerts) and stock changes
 * (low-stock alerts), and the webhook outbox's messages for the changes endpoints take. Reports failed records by
 * sequence number (ReportBatchItemFailures), so Lambda retries from the first failure and a poison record ends in
 * the failure queue; everything it does is idempotent.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { logger } from "../adapters/logger.ts";
import { Unavailable } from "../domain/errors.ts";
import { handleTableChange, type StreamDeps } from "../domain/stream-changes.ts";
import { type WebhookQueueDeps, webhookQueue } from "../domain/webhook-events.ts";
import { outageLog } from "../middleware/outage-log.ts";
import { wired } from "../wiring.ts";

export function makeConsumer(deps: StreamDeps & WebhookQueueDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const webhooks = webhookQueue(deps);
    for (const record of event.Records) {
      try {
        await handleTableChange(deps, record);
        await webhooks.queue(record);
      } catch (error) {
        // The table not answering is an outage, logged once per burst as the API does; the record is retried.
        if (error instanceof Unavailable) {
          outageLog.record(error.kind);
          return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" }] };
        }
        // Never the record itself: its image holds personal data.
        logger.error("stream record failed", {
          eventID: record.eventID,
          error: { name: (error as Error).name, message: (error as Error).message },
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

export const handler = wired(makeConsumer);
