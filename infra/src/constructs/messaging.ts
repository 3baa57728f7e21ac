// Follow-ups and alerts in AWS: the table's stream consumers (a Lambda event source mapping per consumer of
// the route table, filtered on the entity, bisected on error, failures to an SQS queue), the SES configuration
// set whose bounce and complaint events reach an SNS topic, and the function that suppresses those addresses.

import type { StreamConsumer, StreamFilter } from "@sonrisa/shared/routes";
import { Duration, Validations } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SnsEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { ConfigurationSet, EmailSendingEvent, EventDestination } from "aws-cdk-lib/aws-ses";
import { Topic } from "aws-cdk-lib/aws-sns";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { EntryResolver } from "../paths.ts";
import { grantTableAccess } from "../table-access.ts";
import { pascalCase } from "./naming.ts";
import { type FunctionEnvironment, SonrisaFunction } from "./sonrisa-function.ts";

/** Props of {@link Messaging}. */
export interface MessagingProps {
  consumers: readonly StreamConsumer[];
  /** Entry file of a stream consumer or event handler: functions/src/events/<name>.ts. */
  eventEntry: EntryResolver;
  table: ITable;
  environment: FunctionEnvironment;
  /** The auth key's secret: consumers sign the links of the messages they make with a key derived from it. */
  authSecret?: ISecret;
}

/** Stream consumers, the failure queue, and SES feedback. */
export class Messaging extends Construct {
  /** Consumer and feedback functions by name. */
  readonly functions = new Map<string, NodejsFunction>();
  /** Where stream records that failed every retry land (their keys and positions, not their images). */
  readonly failures: Queue;
  /** The configuration set every e-mail is sent with (SES_CONFIGURATION_SET). */
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    this.failures = new Queue(this, "StreamFailures", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter destination of the stream consumers; it has no queue of its own.",
    });

    for (const consumer of props.consumers) {
      const { fn } = new SonrisaFunction(this, pascalCase(consumer.handler), {
        entry: props.eventEntry(consumer.handler),
        description: `Sonrisa stream consumer ${consumer.handler}`,
        environment: props.environment,
        timeout: Duration.minutes(1),
      });
      grantTableAccess(fn, props.table, "readWrite");
      props.authSecret?.grantRead(fn);
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          // Everything the consumers do is idempotent, so reading the last 24 h again after a deploy is harmless.
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: 10,
          maxRecordAge: Duration.hours(6),
          onFailure: new SqsDlq(this.failures),
          // One filter per event name, listing its entities: an event source mapping takes 5 filters.
          filters: filtersByEvent(consumer.filters).map(([eventName, entities]) =>
            FilterCriteria.filter({
              eventName: FilterRule.isEqual(eventName),
              dynamodb: { NewImage: { entity: { S: FilterRule.or(...entities) } } },
            }),
          ),
        }),
      );
      Validations.of(fn).acknowledge({
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "CDK's DynamoDB event source grants dynamodb:ListStreams, which has no resource-level permissions; " +
          "the stream reads themselves are scoped to the table's stream ARN.",
      });
      this.functions.set(consumer.handler, fn);
    }

    const feedback = new Topic(this, "MailFeedback", {
      displayName: "Sonrisa SES bounces and complaints",
      enforceSSL: true,
    });
    Validations.of(feedback).acknowledge({
      id: "AwsSolutions-SNS2",
      reason:
        "SES publishes bounce and complaint events here; a topic encrypted with a customer key would need SES granted " +
        "on that key, and the events are consumed at once by one function in the same account.",
    });
    this.configurationSet = new ConfigurationSet(this, "ConfigurationSet", {});
    this.configurationSet.addEventDestination("BouncesAndComplaints", {
      destination: EventDestination.snsTopic(feedback),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const { fn: recorder } = new SonrisaFunction(this, "RecordMailFeedback", {
      entry: props.eventEntry("record-mail-feedback"),
      description: "Sonrisa: SES bounces and complaints suppress the address",
      environment: props.environment,
    });
    grantTableAccess(recorder, props.table, "readWrite");
    recorder.addEventSource(new SnsEventSource(feedback));
    this.functions.set("record-mail-feedback", recorder);
  }
}

/** A consumer's filters grouped by event name, each with its entities, in the order they are declared. */
export function filtersByEvent(filters: readonly StreamFilter[]): Array<[StreamFilter["eventName"], string[]]> {
  const grouped = new Map<StreamFilter["eventName"], string[]>();
  for (const f of filters) grouped.set(f.eventName, [...(grouped.get(f.eventName) ?? []), f.entity]);
  return [...grouped];
}
