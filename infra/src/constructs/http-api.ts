// The HTTP API: one function per handler of the route table, one API route per table entry,
// least-privilege table grants (GET-only handlers read, the rest read and write), access logs.

import type { Route } from "@sonrisa/shared/routes";
import { RemovalPolicy, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
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

/** HTTP API plus the route functions, keyed by handler name. */
export class SonrisaHttpApi extends Construct {
  /** The API; its `$default` stage is auto-deployed. */
  readonly api: HttpApi;
  /** Route functions by handler name (a handler shared by two routes is one function). */
  readonly functions = new Map<string, NodejsFunction>();

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

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of props.routes) {
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

  private createFunction(route: Route, props: SonrisaHttpApiProps): NodejsFunction {
    const { fn } = new SonrisaFunction(this, pascalCase(route.handler), {
      entry: props.handlerEntry(route.handler),
      description: `Sonrisa ${route.method} ${route.path}`,
      environment: props.environment,
    });
    props.authSecret.grantRead(fn);
    this.functions.set(route.handler, fn);
    return fn;
  }

  /** Read-only access when every route of a handler is a GET; read and write otherwise. */
  private grantTable(props: SonrisaHttpApiProps): void {
    for (const [handler, fn] of this.functions) {
      const writes = props.routes.some((route) => route.handler === handler && route.method !== "GET");
      grantTableAccess(fn, props.table, writes ? "readWrite" : "read");
    }
  }
}
