// cdk-nag's AwsSolutions pack runs on every synth; nothing may be left unacknowledged, and every
// acknowledgment must carry a reason.
import { App, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { cdkJsonContext, type SynthesizedSonrisa, sharedSonrisa, synthTimeout } from "./sonrisa-fixture.ts";

let synth: SynthesizedSonrisa;

beforeAll(() => {
  synth = sharedSonrisa();
}, synthTimeout);

/** Every acknowledgment recorded under a construct, as [rule id, reason]. */
function acknowledgments(root: IConstruct): [string, string][] {
  return root.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
}

describe("cdk-nag AwsSolutions", () => {
  it("reports no unacknowledged error or warning on the Sonrisa app", () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources[0]?.constructPath}`,
    );
    expect(findings).toEqual([]);
  });

  it("is really checking: an unsafe bucket in a scratch app is reported", () => {
    const app = new App({ context: cdkJsonContext() });
    new Bucket(new Stack(app, "Scratch"), "Open", { enforceSSL: false, removalPolicy: RemovalPolicy.DESTROY });
    const rules = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(["AwsSolutions-S1", "AwsSolutions-S10"]));
  });

  it("has a reason for every acknowledged finding", () => {
    const acks = acknowledgments(synth.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const [id, reason] of acks) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });
});
