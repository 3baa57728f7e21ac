// Builds the whole Sonrisa CDK app (both stacks plus cdk-nag), shared by bin/sonrisa.ts and the tests.
import { type App, Tags, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { AppStack } from "./app-stack.ts";
import { DataStack } from "./data-stack.ts";
import { type EntryResolver, resolveWebDist } from "./paths.ts";

/** Options read from CDK context (`-c key=value`) or passed by tests. */
export interface SonrisaAppOptions {
  mailFrom: string;
  /** Built PWA folder; defaults to kiosk-web/dist. */
  webDist?: string;
  alarmEmail?: string;
  /** The product's https origin for links in messages (a custom domain); defaults to CloudFront's. */
  publicUrl?: string;
  handlerEntry?: EntryResolver;
  jobEntry?: EntryResolver;
}

/** The stacks of the app. */
export interface SonrisaStacks {
  data: DataStack;
  app: AppStack;
}

/**
 * Adds the stacks to `app`. They are environment-agnostic (no account or region), so synth needs
 * no credentials and performs no lookups; the deploy target comes from the CLI's credentials.
 */
export function buildSonrisaApp(app: App, options: SonrisaAppOptions): SonrisaStacks {
  const webDist = resolveWebDist(options.webDist);
  const data = new DataStack(app, "SonrisaData", {
    stackName: "Sonrisa-Data",
    description: "Sonrisa stateful resources: DynamoDB table and auth secret",
    terminationProtection: true,
  });
  const stack = new AppStack(app, "SonrisaApp", {
    stackName: "Sonrisa-App",
    description: "Sonrisa API, jobs, PWA hosting and alarms",
    table: data.table,
    authSecret: data.authSecret,
    mailFrom: options.mailFrom,
    webDist,
    alarmEmail: options.alarmEmail,
    publicUrl: options.publicUrl,
    handlerEntry: options.handlerEntry,
    jobEntry: options.jobEntry,
  });
  Tags.of(app).add("project", "sonrisa");
  // cdk-nag 3 is a policy validation plugin: any unacknowledged finding fails synth with a report.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { data, app: stack };
}
