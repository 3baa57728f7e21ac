// The API side of the template follows the route table: one function per handler, one API route per
// entry and nothing else (streamed routes get a function URL instead), real esbuild bundles,
// least-privilege grants, scheduled jobs and alarms.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { jobs, routes, streamConsumers } from "@sonrisa/shared/routes";
import { NestedStack, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeRuntime } from "../../infra/src/constructs/sonrisa-function.ts";
import { resourcesOf, type SynthesizedSonrisa, sharedSonrisa, synthTimeout } from "./sonrisa-fixture.ts";

let synth: SynthesizedSonrisa;
let main: Template;
/** The app stack and the nested stacks the API routes' functions live in (CloudFormation's 500 resources a stack). */
let templates: Map<Stack, Template>;

beforeAll(() => {
  synth = sharedSonrisa();
  main = synth.main;
  templates = new Map<Stack, Template>([[synth.stacks.app, main]]);
  for (const nested of synth.stacks.app.node.findAll().filter((c) => c instanceof NestedStack)) {
    templates.set(nested as NestedStack, Template.fromStack(nested as NestedStack));
  }
}, synthTimeout);

function functionOf(handler: string) {
  const fn = synth.stacks.app.http.functions.get(handler) ?? synth.stacks.app.jobs.functions.get(handler);
  if (!fn) throw new Error(`no function for ${handler}`);
  return fn;
}

/** Logical id of the function of a route handler or job, in the stack it lives in. */
function functionId(handler: string): string {
  const fn = functionOf(handler);
  return Stack.of(fn).getLogicalId(fn.node.defaultChild as never);
}

/** The template of the stack a route handler's or job's function lives in. */
const templateOf = (handler: string) => templates.get(Stack.of(functionOf(handler)))!;

/** Resources of one type in the app stack and every nested stack. */
const everywhere = (type: string) => [...templates.values()].flatMap((t) => Object.values(resourcesOf(t, type)));

/** Every IAM action granted to the role of a function. */
function actionsOf(handler: string): string[] {
  const template = templateOf(handler);
  const fn = resourcesOf(template, "AWS::Lambda::Function")[functionId(handler)]!;
  const roleId = (fn.Properties.Role as { "Fn::GetAtt": [string] })["Fn::GetAtt"][0];
  return Object.values(resourcesOf(template, "AWS::IAM::Policy"))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement)
    .flatMap((statement) => [statement.Action].flat());
}

const handlers = [...new Set(routes.map((route) => route.handler))];
const streamed = routes.filter((route) => route.stream);
const sonrisaFunctions = () =>
  everywhere("AWS::Lambda::Function").filter(
    (fn) => (fn.Properties.Environment as { Variables?: Record<string, string> })?.Variables?.SONRISA_MODE === "aws",
  );

describe("API routes", () => {
  it("are exactly the routes of the route table that do not stream", () => {
    const routeKeys = Object.values(resourcesOf(main, "AWS::ApiGatewayV2::Route")).map((r) => r.Properties.RouteKey);
    const buffered = routes.filter((route) => !route.stream);
    expect(routeKeys.sort()).toEqual(buffered.map((route) => `${route.method} ${route.path}`).sort());
    expect(routeKeys).not.toContain("GET /v1/export/responses.csv");
  });

  it("each reach the function of their handler", () => {
    const integrations = resourcesOf(main, "AWS::ApiGatewayV2::Integration");
    for (const [, route] of Object.entries(resourcesOf(main, "AWS::ApiGatewayV2::Route"))) {
      const [method, path] = String(route.Properties.RouteKey).split(" ");
      const handler = routes.find((r) => r.method === method && r.path === path)!.handler;
      const target = JSON.stringify(route.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`))!;
      // A function in a nested stack is reached through that stack's output named after it.
      const uri = JSON.stringify(integrations[integrationId]!.Properties.IntegrationUri);
      const nested = Stack.of(functionOf(handler)) !== synth.stacks.app;
      // (the output's name is the function's path in the app, with a hash of its own: match the name, any hash)
      const name = functionId(handler).replace(/[0-9A-F]{8}$/, "");
      if (nested) expect(uri).toMatch(new RegExp(`Outputs\\.[A-Za-z0-9]*${name}[0-9A-F]{8}Arn`));
      else expect(uri).toContain(`"${functionId(handler)}"`);
    }
  });
});

describe("streamed routes", () => {
  it("include the CSV export", () => {
    expect(streamed.map((route) => route.handler)).toContain("export-responses");
  });

  it("each answer through their function's own URL, in response-streaming mode, checked by the function", () => {
    const urls = Object.values(resourcesOf(main, "AWS::Lambda::Url"));
    expect(urls).toHaveLength(streamed.length);
    for (const route of streamed) {
      const url = urls.find((u) =>
        JSON.stringify(u.Properties.TargetFunctionArn).includes(`"${functionId(route.handler)}"`),
      );
      expect(url?.Properties, route.handler).toMatchObject({ InvokeMode: "RESPONSE_STREAM", AuthType: "NONE" });
    }
  });

  it("get the minutes the route table gives them and the origin secret, which no other function reads", () => {
    const functions = resourcesOf(main, "AWS::Lambda::Function");
    for (const route of streamed) {
      const fn = functions[functionId(route.handler)]!;
      expect(fn.Properties.Timeout, route.handler).toBe(route.stream!.timeoutMinutes * 60);
      expect(JSON.stringify(fn.Properties.Environment), route.handler).toContain("ORIGIN_SECRET_ARN");
    }
    for (const fn of sonrisaFunctions().filter((f) => JSON.stringify(f).includes("ORIGIN_SECRET_ARN"))) {
      expect(streamed.some((route) => fn === functions[functionId(route.handler)])).toBe(true);
    }
    const readers = Object.values(resourcesOf(main, "AWS::IAM::Policy")).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes("OriginSecret"),
    );
    expect(readers).toHaveLength(streamed.length);
  });
});

describe("functions", () => {
  it("are one per route handler, one per job, one per stream consumer and the SES feedback recorder", () => {
    expect(sonrisaFunctions()).toHaveLength(handlers.length + jobs.length + streamConsumers.length + 1);
  });

  it("run on arm64 with the newest Node.js runtime and the Sonrisa environment", () => {
    expect(Number(/^nodejs(\d+)\.x$/.exec(nodeRuntime.name)?.[1])).toBeGreaterThanOrEqual(22);
    for (const fn of sonrisaFunctions()) {
      expect(fn.Properties).toMatchObject({
        Architectures: ["arm64"],
        Runtime: nodeRuntime.name,
        Handler: "index.handler",
      });
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(env)).toEqual(expect.arrayContaining(["TABLE_NAME", "AUTH_SECRET_ARN", "MAIL_FROM"]));
      expect(env.NODE_OPTIONS).toContain("--enable-source-maps");
    }
  });

  it("are real ESM bundles with a require shim and a source map", () => {
    const fn = resourcesOf(templateOf("get-health"), "AWS::Lambda::Function")[functionId("get-health")]!;
    const key = String((fn.Properties.Code as { S3Key: string }).S3Key).replace(/\.zip$/, "");
    const bundle = join(synth.outdir, `asset.${key}`, "index.mjs");
    const code = readFileSync(bundle, "utf8");
    expect(code.startsWith("import { createRequire as __sonrisaRequire }")).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*handler/);
    expect(existsSync(`${bundle}.map`)).toBe(true);
  });
});

describe("permissions", () => {
  it("let GET-only handlers read the table and the others (or a GET marked `writes`) write it, and no one Scan", () => {
    for (const handler of handlers) {
      const actions = actionsOf(handler);
      const writes = routes.some((route) => route.handler === handler && (route.method !== "GET" || route.writes));
      expect(actions, handler).toContain("dynamodb:Query");
      expect(actions.includes("dynamodb:PutItem"), handler).toBe(writes);
      expect(
        actions.some((action) => /Scan|\*/.test(action)),
        handler,
      ).toBe(false);
    }
  });

  it("let every route function read the auth secret but send no mail", () => {
    for (const handler of handlers) {
      expect(actionsOf(handler), handler).toContain("secretsmanager:GetSecretValue");
      expect(actionsOf(handler), handler).not.toContain("ses:SendEmail");
    }
  });
});

/** EventBridge's rate expression in the largest whole unit, as CDK writes it. */
function rateOf(minutes: number): string {
  const [n, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, "day"] : minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return `rate(${n} ${unit}${n === 1 ? "" : "s"})`;
}

describe("jobs", () => {
  it("each run on an EventBridge rule at the rate of the route table", () => {
    const rules = Object.values(resourcesOf(main, "AWS::Events::Rule"));
    expect(rules).toHaveLength(jobs.length);
    for (const job of jobs) {
      const rate = rateOf(job.everyMinutes);
      const rule = rules.find((r) => JSON.stringify(r.Properties.Targets).includes(`"${functionId(job.handler)}"`));
      expect(rule?.Properties.ScheduleExpression, job.handler).toBe(rate);
    }
  });

  it("each get the time the route table gives it (a minute unless it says more)", () => {
    const functions = resourcesOf(main, "AWS::Lambda::Function");
    for (const job of jobs) {
      expect(functions[functionId(job.handler)]?.Properties.Timeout, job.handler).toBe((job.timeoutMinutes ?? 1) * 60);
    }
  });
});

describe("alarms", () => {
  it("watch every function's errors and the API's 5xx answers", () => {
    const alarms = everywhere("AWS::CloudWatch::Alarm");
    expect(alarms.filter((a) => a.Properties.MetricName === "Errors")).toHaveLength(
      handlers.length + jobs.length + streamConsumers.length + 1,
    );
    expect(alarms.filter((a) => a.Properties.MetricName === "5xx")).toHaveLength(1);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});
