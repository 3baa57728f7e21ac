// One EventBridge rule and function per job of the route table; jobs that send mail may use SES.

import type { Job } from "@sonrisa/shared/routes";
import { Arn, Duration, Stack, Validations } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { EntryResolver } from "../paths.ts";
import { grantTableAccess } from "../table-access.ts";
import { pascalCase } from "./naming.ts";
import { type FunctionEnvironment, SonrisaFunction } from "./sonrisa-function.ts";

/** A job as declared in shared/src/routes.ts. */
export type JobDefinition = Job;

/** Props of {@link ScheduledJobs}. */
export interface ScheduledJobsProps {
  jobs: readonly JobDefinition[];
  jobEntry: EntryResolver;
  table: ITable;
  environment: FunctionEnvironment;
  /** Read by jobs marked `usesAuthKey` (the webhook dispatcher opens endpoint secrets with a key derived from it). */
  authSecret?: ISecret;
}

/** The job functions (by handler name) and their schedules. */
export class ScheduledJobs extends Construct {
  /** Job functions by handler name. */
  readonly functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    for (const job of props.jobs) {
      const name = pascalCase(job.handler);
      const { fn } = new SonrisaFunction(this, name, {
        entry: props.jobEntry(job.handler),
        description: `Sonrisa job ${job.handler}, every ${job.everyMinutes} min`,
        environment: props.environment,
        timeout: Duration.minutes(job.timeoutMinutes ?? 1),
      });
      grantTableAccess(fn, props.table, "readWrite");
      if (job.usesAuthKey) props.authSecret?.grantRead(fn);
      if (job.mails)
        fn.addToRolePolicy(
          sendMailStatement(this, props.environment.MAIL_FROM, props.environment.SES_CONFIGURATION_SET),
        );
      if (job.sms) {
        fn.addToRolePolicy(sendSmsStatement());
        Validations.of(fn).acknowledge({
          id: "AwsSolutions-IAM5[Resource::*]",
          reason:
            "sns:Publish to a phone number (SMS) has no resource ARN to scope it to; the function publishes to no topic.",
        });
      }
      new Rule(this, `${name}Schedule`, {
        description: `Runs ${job.handler} every ${job.everyMinutes} minute(s)`,
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new LambdaFunction(fn, { retryAttempts: 2, maxEventAge: Duration.minutes(job.everyMinutes) })],
      });
      this.functions.set(job.handler, fn);
    }
  }
}

/** The bare address of `Name <a@b>` or `a@b`. */
export function mailAddress(mailFrom: string): string {
  return (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}

/** ses:SendEmail limited to the MAIL_FROM address and its domain identity (and the configuration set mail uses). */
export function sendMailStatement(scope: Construct, mailFrom: string, configurationSet?: string): PolicyStatement {
  const stack = Stack.of(scope);
  const address = mailAddress(mailFrom);
  const domain = address.split("@")[1] ?? address;
  const identity = (name: string) => Arn.format({ service: "ses", resource: "identity", resourceName: name }, stack);
  const set = configurationSet
    ? [Arn.format({ service: "ses", resource: "configuration-set", resourceName: configurationSet }, stack)]
    : [];
  return new PolicyStatement({
    actions: ["ses:SendEmail", "ses:SendRawEmail"],
    resources: [identity(address), identity(domain), ...set],
  });
}

/**
 * sns:Publish for text messages to phone numbers. SMS publishing has no resource to scope to (a phone number
 * is not an ARN), so the statement's resource is `*`, acknowledged where it is added.
 */
export function sendSmsStatement(): PolicyStatement {
  return new PolicyStatement({ actions: ["sns:Publish"], resources: ["*"] });
}
