// Integrations in the template (issue 14): the purchase and webhook routes on the API, the webhook dispatcher's
// schedule and its read of the auth secret (it opens endpoint secrets with a key derived from it), no mail or SMS
// for it, and the stream consumer reading the gift, contact, consent and alert changes webhooks report.
import { jobs, routes, streamConsumers } from "@sonrisa/shared/routes";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { resourcesOf, type SynthesizedSonrisa, sharedSonrisa, synthTimeout } from "./sonrisa-fixture.ts";

let synth: SynthesizedSonrisa;
let main: Template;

beforeAll(() => {
  synth = sharedSonrisa();
  main = synth.main;
}, synthTimeout);

const logicalId = (fn: unknown) =>
  synth.stacks.app.getLogicalId((fn as { node: { defaultChild: never } }).node.defaultChild);

/** The IAM statements of a function's role. */
function statementsOf(fn: unknown) {
  const resource = resourcesOf(main, "AWS::Lambda::Function")[logicalId(fn)]!;
  const roleId = (resource.Properties.Role as { "Fn::GetAtt": [string] })["Fn::GetAtt"][0];
  return Object.values(resourcesOf(main, "AWS::IAM::Policy"))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap(
      (p) =>
        (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
    );
}
const actionsOf = (fn: unknown) => statementsOf(fn).flatMap((s) => [s.Action].flat());

describe("integrations", () => {
  it("put POST /v1/purchases and every key and webhook route on the API", () => {
    const integration = routes.filter((r) => /integration-keys|purchases|webhook-endpoints/.test(r.path));
    expect(integration).toHaveLength(11);
    const apiRoutes = Object.values(resourcesOf(main, "AWS::ApiGatewayV2::Route")).map((r) => r.Properties.RouteKey);
    for (const route of integration) expect(apiRoutes).toContain(`${route.method} ${route.path}`);
    expect(routes.find((r) => r.path === "/v1/purchases")?.permission).toBe("purchases:write");
  });

  it("run the webhook dispatcher every minute for up to 5 minutes, reading the auth secret, sending no mail or SMS", () => {
    const job = jobs.find((j) => j.handler === "dispatch-webhooks")!;
    const fn = synth.stacks.app.jobs.functions.get(job.handler)!;
    const resource = resourcesOf(main, "AWS::Lambda::Function")[logicalId(fn)]!;
    expect(resource.Properties.Timeout).toBe(300);
    const actions = actionsOf(fn);
    expect(actions).toContain("secretsmanager:GetSecretValue");
    expect(actions).not.toContain("ses:SendEmail");
    expect(actions).not.toContain("sns:Publish");
    const rules = Object.values(resourcesOf(main, "AWS::Events::Rule")).filter((r) =>
      JSON.stringify(r.Properties.Targets).includes(logicalId(fn)),
    );
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toEqual(["rate(1 minute)"]);
  });

  it("let only the jobs that need the auth key read it", () => {
    for (const job of jobs) {
      const reads = actionsOf(synth.stacks.app.jobs.functions.get(job.handler)).includes(
        "secretsmanager:GetSecretValue",
      );
      expect(reads, job.handler).toBe(Boolean(job.usesAuthKey));
    }
  });

  it("let the stream consumer read the auth secret (it signs the links of follow-ups) and the changes webhooks report", () => {
    const consumer = streamConsumers[0]!;
    const fn = synth.stacks.app.messaging.functions.get(consumer.handler)!;
    expect(actionsOf(fn)).toContain("secretsmanager:GetSecretValue");
    const mapping = Object.values(resourcesOf(main, "AWS::Lambda::EventSourceMapping"))[0]!;
    const filters = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.length).toBeLessThanOrEqual(5);
    const patterns = filters.map((f) => JSON.parse(f.Pattern));
    const entities = (event: string) =>
      patterns.filter((p) => p.eventName[0] === event).flatMap((p) => p.dynamodb.NewImage.entity.S);
    expect(entities("INSERT")).toEqual(
      expect.arrayContaining(["Response", "Gift", "Contact", "ConsentRecord", "Alert"]),
    );
    expect(entities("MODIFY")).toEqual(expect.arrayContaining(["Stock", "Gift"]));
  });
});
