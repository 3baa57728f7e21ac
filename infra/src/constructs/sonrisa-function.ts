// One Lambda function with Sonrisa's defaults: esbuild ESM bundle, arm64, newest Node runtime,
// source maps, a log group with retention, and the environment every handler reads at cold start.

import { join } from "node:path";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { type BundlingOptions, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { repoRoot } from "../paths.ts";

/** The newest Node.js runtime in this aws-cdk-lib; cdk-nag's AwsSolutions-L1 checks it is the latest. */
export const nodeRuntime = Runtime.NODEJS_24_X;

/**
 * esbuild settings for every function. ESM output; the banner gives bundled CommonJS dependencies the
 * `require` that ESM lacks. The AWS SDK is bundled so the deployed version is the one tested locally.
 */
export const defaultBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ["module", "main"],
  banner:
    "import { createRequire as __sonrisaRequire } from 'node:module'; const require = __sonrisaRequire(import.meta.url);",
  minify: true,
  keepNames: true,
  sourceMap: true,
  bundleAwsSDK: true,
};

/** Environment values shared by all functions. */
export interface FunctionEnvironment {
  TABLE_NAME: string;
  AUTH_SECRET_ARN: string;
  MAIL_FROM: string;
  /** Only functions of streamed routes, behind a function URL: the secret CloudFront sends them. */
  ORIGIN_SECRET_ARN?: string;
  /** Functions that write messages: where links in them point (the product's https origin). */
  PUBLIC_URL?: string;
  /** Functions that send e-mail: the SES configuration set whose bounces and complaints suppress addresses. */
  SES_CONFIGURATION_SET?: string;
}

/** Props of {@link SonrisaFunction}. */
export interface SonrisaFunctionProps {
  /** Absolute path of the entry file exporting `handler`. */
  entry: string;
  description: string;
  environment: FunctionEnvironment;
  timeout?: Duration;
}

/** A NodejsFunction plus its log group; `fn` is the function. */
export class SonrisaFunction extends Construct {
  /** The function itself. */
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: SonrisaFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, "Logs", {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new NodejsFunction(this, "Function", {
      entry: props.entry,
      handler: "handler",
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, "package-lock.json"),
      runtime: nodeRuntime,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      logGroup,
      environment: {
        ...props.environment,
        SONRISA_MODE: "aws",
        NODE_OPTIONS: "--enable-source-maps",
      },
      bundling: defaultBundling,
    });
  }
}
