// Stateless stack: API functions, scheduled jobs, the PWA on CloudFront and the alarms.
// Everything here can be destroyed and redeployed; data lives in the DataStack.

import { jobs, routes, streamConsumers } from "@sonrisa/shared/routes";
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { Alarms } from "./constructs/alarms.ts";
import { SonrisaHttpApi } from "./constructs/http-api.ts";
import { Messaging } from "./constructs/messaging.ts";
import { type JobDefinition, ScheduledJobs } from "./constructs/scheduled-jobs.ts";
import { WebSite } from "./constructs/web-site.ts";
import { addAppStackSuppressions } from "./nag-suppressions.ts";
import {
  assertEntriesExist,
  defaultEventEntry,
  defaultHandlerEntry,
  defaultJobEntry,
  type EntryResolver,
} from "./paths.ts";

/** Props of {@link AppStack}. */
export interface AppStackProps extends StackProps {
  table: ITable;
  authSecret: ISecret;
  /** Sender address of outgoing mail; its domain must be verified in SES. */
  mailFrom: string;
  /** Built PWA folder, already checked by resolveWebDist. */
  webDist: string;
  alarmEmail?: string;
  /** The product's https origin for links in messages (a custom domain); defaults to the distribution's. */
  publicUrl?: string;
  /** Entry file of a route handler; defaults to functions/src/handlers/<name>.ts. */
  handlerEntry?: EntryResolver;
  /** Entry file of a job; defaults to functions/src/jobs/<name>.ts. */
  jobEntry?: EntryResolver;
  /** Entry file of a stream consumer or event handler; defaults to functions/src/events/<name>.ts. */
  eventEntry?: EntryResolver;
}

/** API, jobs, web and alarms, built from the route table in shared/src/routes.ts. */
export class AppStack extends Stack {
  /** The API and its route functions. */
  readonly http: SonrisaHttpApi;
  /** The scheduled job functions. */
  readonly jobs: ScheduledJobs;
  /** Bucket and distribution of the PWA. */
  readonly web: WebSite;
  /** Stream consumers, their failure queue and SES feedback. */
  readonly messaging: Messaging;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const handlerEntry = props.handlerEntry ?? defaultHandlerEntry;
    const jobEntry = props.jobEntry ?? defaultJobEntry;
    const eventEntry = props.eventEntry ?? defaultEventEntry;
    const jobList: readonly JobDefinition[] = jobs;
    assertEntriesExist([
      ...routes.map((r) => ({ file: handlerEntry(r.handler), purpose: `route ${r.method} ${r.path}` })),
      ...jobList.map((j) => ({ file: jobEntry(j.handler), purpose: `job every ${j.everyMinutes} min` })),
      ...streamConsumers.map((c) => ({ file: eventEntry(c.handler), purpose: "stream consumer" })),
      { file: eventEntry("record-mail-feedback"), purpose: "SES bounces and complaints" },
    ]);

    const environment = {
      TABLE_NAME: props.table.tableName,
      AUTH_SECRET_ARN: props.authSecret.secretArn,
      MAIL_FROM: props.mailFrom,
    };
    this.http = new SonrisaHttpApi(this, "Http", {
      routes,
      handlerEntry,
      table: props.table,
      authSecret: props.authSecret,
      environment,
    });
    this.web = new WebSite(this, "Web", {
      webDist: props.webDist,
      api: this.http.api,
      streamed: this.http.streamed,
      originSecret: this.http.originSecret,
    });
    // Functions that write messages need the product's address for their links; they are no origin of the
    // distribution, so reading its domain makes no cycle.
    const publicUrl = props.publicUrl ?? `https://${this.web.distribution.distributionDomainName}`;
    this.messaging = new Messaging(this, "Messaging", {
      consumers: streamConsumers,
      eventEntry,
      table: props.table,
      environment: { ...environment, PUBLIC_URL: publicUrl },
      authSecret: props.authSecret,
    });
    this.jobs = new ScheduledJobs(this, "Jobs", {
      jobs: jobList,
      jobEntry,
      table: props.table,
      authSecret: props.authSecret,
      environment: {
        ...environment,
        PUBLIC_URL: publicUrl,
        SES_CONFIGURATION_SET: this.messaging.configurationSet.configurationSetName,
      },
    });
    const watched = new Map<string, IFunction>([
      ...this.http.functions,
      ...this.jobs.functions,
      ...this.messaging.functions,
    ]);
    new Alarms(this, "Alarms", { functions: watched, api: this.http.api, alarmEmail: props.alarmEmail });

    new CfnOutput(this, "Url", { value: `https://${this.web.distribution.distributionDomainName}` });
    new CfnOutput(this, "ApiEndpoint", { value: this.http.api.apiEndpoint });
    addAppStackSuppressions(this);
  }
}
