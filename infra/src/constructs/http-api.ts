// The HTTP API: one function per handler of the route table, one API route per table entry,
// least-privilege table grants (GET-only handlers read, the rest read and write), access logs.
// Streamed routes skip the API (it buffers answers, 6 MB at most): their function gets a URL in
// response-streaming mode instead, which CloudFront reaches with a secret origin header.
// The API routes' functions (with their role, policy and log group) live in nested stacks of FUNCTIONS_PER_STACK
// each: CloudFormation takes 500 resources a stack, and 72 functions put the app stack at 591. Streamed routes'
// functions stay in the app stack, beside the distribution that reaches their URL.

import type { Route } from "@sonrisa/shared/routes";
import { Duration, NestedStack, RemovalPolicy, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { type FunctionUrl, FunctionUrlAuthType, InvokeMode } from "aws-cdk-lib/aws-lambda";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { type ISecret, Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { EntryResolver } from "../paths.ts";
import { grantTableAccess } from "../table-access.ts";
import { pascalCase } from "./naming.ts";
import { type FunctionEnvironment, SonrisaFunction } from "./sonrisa-function.ts";

/** Props of {@link SonrisaHttpApi}. */
export interface SonrisaHttpApiProps {
  routes: readonly Route[];
  handlerEntry: EntryResolver;
  table: ITable;
  authSecret: ISecret;
  environment: FunctionEnvironment;
}

/**
 * Access log line without the caller's IP or user agent: personal data never goes to logs.
 * The request id links a line to the function's own logs.
 */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: "$context.requestId",
    time: "$context.requestTimeEpoch",
    routeKey: "$context.routeKey",
    status: "$context.status",
    responseLength: "$context.responseLength",
    latencyMs: "$context.responseLatency",
    integrationError: "$context.integrationErrorMessage",
  }),
);

/** Route functions per nested stack: 4 resources each (function, role, policy, log group), with room to spare. */
export const FUNCTIONS_PER_STACK = 30;

/** A route served by its function's URL rather than by the API. */
export interface StreamedRoute {
  route: Route;
  url: FunctionUrl;
}

/** HTTP API plus the route functions, keyed by handler name, and the URLs of streamed routes. */
export class SonrisaHttpApi extends Construct {
  /** The API; its `$default` stage is auto-deployed. */
  readonly api: HttpApi;
  /** Route functions by handler name (a handler shared by two routes is one function). */
  readonly functions = new Map<string, NodejsFunction>();
  /** Streamed routes and their function URLs, for CloudFront. */
  readonly streamed: StreamedRoute[] = [];
  /** The value CloudFront sends streamed routes' functions in ORIGIN_SECRET_HEADER. */
  readonly originSecret: Secret;

  constructor(scope: Construct, id: string, props: SonrisaHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, "Api", {
      description: "Sonrisa API v1",
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, "AccessLogs", {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });

    this.originSecret = new Secret(this, "OriginSecret", {
      description: "Sonrisa: header value CloudFront adds to requests for streamed routes' function URLs",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.originSecret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "CloudFront reads the value only when the stack deploys (a dynamic reference in the origin's headers), " +
        "so a rotation would lock the distribution out until the next deploy; rotate it by replacing it in a deploy.",
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of props.routes) {
      if (route.stream) {
        this.addStreamedRoute(route, route.stream.timeoutMinutes, props);
        continue;
      }
      let integration = integrations.get(route.handler);
      if (!integration) {
        const fn = this.createFunction(route, props);
        integration = new HttpLambdaIntegration(`${pascalCase(route.handler)}Integration`, fn);
        integrations.set(route.handler, integration);
      }
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    }
    this.grantTable(props);

    Validations.of(this.api).acknowledge({
      id: "AwsSolutions-APIG4",
      reason:
        "Authorization is done in the functions: a middleware verifies the bearer token against the roles of " +
        "each route in shared/src/routes.ts (the same code runs locally); health, login and pairing are public by design.",
    });
  }

  /**
   * The function answers through its own URL in response-streaming mode (the HTTP API cannot stream).
   * Auth type NONE, not AWS_IAM behind an origin access control: OAC signs the origin request in the
   * `Authorization` header, where the caller's bearer token travels, so the function would never see
   * it. The URL is therefore public, and the function itself checks, before any byte: the secret
   * CloudFront adds in an origin header (a direct call gets 403), then the route's roles from the
   * bearer token, as every API route does.
   */
  private addStreamedRoute(route: Route, timeoutMinutes: number, props: SonrisaHttpApiProps): void {
    if (props.routes.some((other) => other !== route && other.handler === route.handler)) {
      throw new Error(`Sonrisa synth: ${route.handler} streams ${route.path}, so it cannot serve another route`);
    }
    const fn = this.createFunction(route, props, {
      timeout: Duration.minutes(timeoutMinutes),
      environment: { ...props.environment, ORIGIN_SECRET_ARN: this.originSecret.secretArn },
    });
    this.originSecret.grantRead(fn);
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE, invokeMode: InvokeMode.RESPONSE_STREAM });
    this.streamed.push({ route, url });
  }

  /** The nested stack the next function goes in: a new one every FUNCTIONS_PER_STACK functions. */
  private functionStack(route: Route): Construct {
    if (route.stream) return this;
    const index = Math.floor(this.functions.size / FUNCTIONS_PER_STACK);
    const id = `Functions${index + 1}`;
    return (
      (this.node.tryFindChild(id) as Construct | undefined) ??
      new NestedStack(this, id, { description: `Sonrisa route functions, group ${index + 1}` })
    );
  }

  private createFunction(
    route: Route,
    props: SonrisaHttpApiProps,
    options: { timeout?: Duration; environment?: FunctionEnvironment } = {},
  ): NodejsFunction {
    const { fn } = new SonrisaFunction(this.functionStack(route), pascalCase(route.handler), {
      entry: props.handlerEntry(route.handler),
      description: `Sonrisa ${route.method} ${route.path}`,
      environment: options.environment ?? props.environment,
      timeout: options.timeout,
    });
    props.authSecret.grantRead(fn);
    this.functions.set(route.handler, fn);
    return fn;
  }

  /** Read-only access when every route of a handler is a GET that does not say it writes; read and write otherwise. */
  private grantTable(props: SonrisaHttpApiProps): void {
    for (const [handler, fn] of this.functions) {
      const writes = props.routes.some(
        (route) => route.handler === handler && (route.method !== "GET" || route.writes),
      );
      grantTableAccess(fn, props.table, writes ? "readWrite" : "read");
    }
  }
}
