// CloudWatch alarms: errors of every function and 5xx answers of the API, sent to one SNS topic
// (subscribe an address with `-c alarmEmail=ops@example.com`).
import { Duration, Validations } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { pascalCase } from "./naming.ts";

/** Props of {@link Alarms}. */
export interface AlarmsProps {
  /** Functions to watch, by a readable name used in the alarm id. */
  functions: ReadonlyMap<string, IFunction>;
  api: HttpApi;
  /** Optional address subscribed to the alarm topic. */
  alarmEmail?: string;
}

const period = Duration.minutes(5);

/** One alarm per function (any error in 5 minutes) and one for API 5xx answers. */
export class Alarms extends Construct {
  /** Topic every alarm notifies. */
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, "Topic", { displayName: "Sonrisa alarms", enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: "AwsSolutions-SNS2",
      reason:
        "Alarm notifications carry only alarm names and states, no personal data; CloudWatch cannot publish " +
        "to a topic encrypted with the AWS-managed SNS key, and a customer key would cost more than it protects.",
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    for (const [name, fn] of props.functions) {
      new Alarm(this, `${pascalCase(name)}Errors`, {
        alarmDescription: `Sonrisa function ${name} reported errors`,
        metric: fn.metricErrors({ period }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    }
    new Alarm(this, "Api5xx", {
      alarmDescription: "Sonrisa API answered 5xx",
      metric: props.api.metricServerError({ period }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(action);
  }
}
