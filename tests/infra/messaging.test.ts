// Follow-ups and alerts in the template (issue 12): the stream consumer's event source mapping (filtered on the
// entity, bisected, failures to an encrypted queue), SES bounce and complaint feedback, the dispatcher's mail and
// SMS permissions, and CloudFront sending /u/* and /r/* to the API with the link pages' CSP.
import { jobs, streamConsumers } from "@sonrisa/shared/routes";
import { linkPageContentSecurityPolicy } from "@sonrisa/shared/security-headers";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { filtersByEvent } from "../../infra/src/constructs/messaging.ts";
import { resourcesOf, type SynthesizedSonrisa, sharedSonrisa, synthTimeout } from "./sonrisa-fixture.ts";

let synth: SynthesizedSonrisa;
let main: Template;

beforeAll(() => {
  synth = sharedSonrisa();
  main = synth.main;
}, synthTimeout);

const logicalId = (fn: unknown) =>
  synth.stacks.app.getLogicalId((fn as { node: { defaultChild: never } }).node.defaultChild);

describe("the stream consumer", () => {
  it("reads the table's stream from TRIM_HORIZON, filtered on each consumer's entities, bisecting and reporting failures", () => {
    const consumer = streamConsumers[0]!;
    const fn = synth.stacks.app.messaging.functions.get(consumer.handler)!;
    main.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: logicalId(fn) },
      StartingPosition: "TRIM_HORIZON",
      BatchSize: consumer.batchSize,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      MaximumRetryAttempts: 10,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      // One filter per event name with its entities: a mapping takes at most 5 filters.
      FilterCriteria: {
        Filters: filtersByEvent(consumer.filters).map(([eventName, entities]) => ({
          Pattern: JSON.stringify({ eventName: [eventName], dynamodb: { NewImage: { entity: { S: entities } } } }),
        })),
      },
    });
  });

  it("sends records that failed every retry to an encrypted queue that refuses plain HTTP", () => {
    const queues = Object.values(resourcesOf(main, "AWS::SQS::Queue"));
    expect(queues).toHaveLength(1);
    expect(queues[0]!.Properties.SqsManagedSseEnabled).toBe(true);
    main.hasResourceProperties("AWS::SQS::QueuePolicy", {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      }),
    });
  });

  it("writes links with the distribution's https address", () => {
    const fn = resourcesOf(main, "AWS::Lambda::Function")[
      logicalId(synth.stacks.app.messaging.functions.get(streamConsumers[0]!.handler))
    ]!;
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.stringify(env.PUBLIC_URL)).toContain("DomainName");
  });
});

describe("e-mail and SMS", () => {
  it("send SES bounces and complaints through a configuration set to a topic the recorder reads", () => {
    main.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(["bounce", "complaint"]),
        SnsDestination: Match.anyValue(),
      }),
    });
    main.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "lambda",
      Endpoint: { "Fn::GetAtt": [logicalId(synth.stacks.app.messaging.functions.get("record-mail-feedback")), "Arn"] },
    });
  });

  it("let the dispatcher send mail from MAIL_FROM with the configuration set, and SMS", () => {
    const job = jobs.find((j) => j.handler === "dispatch-messages")!;
    const fnId = logicalId(synth.stacks.app.jobs.functions.get(job.handler));
    const fn = resourcesOf(main, "AWS::Lambda::Function")[fnId]!;
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.SES_CONFIGURATION_SET).toBeDefined();
    const roleId = (fn.Properties.Role as { "Fn::GetAtt": [string] })["Fn::GetAtt"][0];
    const statements = Object.values(resourcesOf(main, "AWS::IAM::Policy"))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap(
        (p) =>
          (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
      );
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(["ses:SendEmail", "ses:SendRawEmail", "sns:Publish"]));
  });
});

describe("links in messages", () => {
  it("reach the API through CloudFront at /u/* and /r/*, uncached, with the link pages' CSP", () => {
    const dist = Object.values(resourcesOf(main, "AWS::CloudFront::Distribution"))[0]!;
    const behaviours = (dist.Properties.DistributionConfig as { CacheBehaviors: Record<string, unknown>[] })
      .CacheBehaviors;
    const api = behaviours.find((b) => b.PathPattern === "/v1/*")!;
    for (const pattern of ["/u/*", "/r/*"]) {
      const b = behaviours.find((x) => x.PathPattern === pattern);
      expect(b, pattern).toBeDefined();
      expect(b!.TargetOriginId).toBe(api.TargetOriginId);
      expect(b!.AllowedMethods).toEqual(api.AllowedMethods);
      expect(b!.ResponseHeadersPolicyId).not.toEqual(api.ResponseHeadersPolicyId);
    }
    main.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: linkPageContentSecurityPolicy, Override: true },
        }),
      }),
    });
  });
});
