// The PWA is served from a private bucket through CloudFront, on the same origin as the API.

import { ORIGIN_SECRET_HEADER } from "@sonrisa/shared/routes";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spaRewriteSource, spaTargets } from "../../infra/src/constructs/spa-rewrite.ts";
import { makeWebDist, removeTempDirs, resourcesOf, sharedSonrisa, synthTimeout } from "./sonrisa-fixture.ts";

let main: Template;

/** The parts of a distribution's config these tests read. */
interface DistributionConfig {
  CacheBehaviors: { PathPattern: string; TargetOriginId: string }[];
  Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown; OriginCustomHeaders?: unknown[] }[];
}

beforeAll(() => {
  main = sharedSonrisa().main;
}, synthTimeout);
afterAll(removeTempDirs);

describe("the site bucket", () => {
  it("blocks public access, requires TLS, is encrypted and is no website", () => {
    const buckets = Object.values(resourcesOf(main, "AWS::S3::Bucket"));
    expect(buckets.length).toBeGreaterThan(0);
    for (const bucket of buckets) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      });
      expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    }
    const policies = Object.values(resourcesOf(main, "AWS::S3::BucketPolicy"));
    expect(policies).toHaveLength(buckets.length);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });
});

describe("the distribution", () => {
  it("reads the bucket through an origin access control", () => {
    main.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    main.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        Origins: Match.arrayWith([Match.objectLike({ OriginAccessControlId: Match.anyValue() })]),
      }),
    });
  });

  it("sends /v1/* to the HTTP API uncached with every viewer header but Host", () => {
    main.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({ PathPattern: "/v1/export/responses.csv" }),
          Match.objectLike({ PathPattern: "/v1/export/contacts.csv" }),
          Match.objectLike({
            PathPattern: "/v1/*",
            AllowedMethods: Match.arrayWith(["GET", "PUT", "POST", "DELETE"]),
            CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
            OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
            ViewerProtocolPolicy: "https-only",
          }),
          // Links in messages (unsubscribe, tracked links), also to the API: tests/infra/messaging.test.ts.
          Match.objectLike({ PathPattern: "/u/*" }),
          Match.objectLike({ PathPattern: "/r/*" }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: {
              "Fn::Select": [2, { "Fn::Split": ["/", { "Fn::GetAtt": [Match.anyValue(), "ApiEndpoint"] }] }],
            },
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: "https-only" }),
          }),
        ]),
      }),
    });
  });

  it("sends the CSV export, matched before /v1/*, to its function URL with the origin secret and the bearer token", () => {
    const config = Object.values(resourcesOf(main, "AWS::CloudFront::Distribution"))[0]!.Properties
      .DistributionConfig as DistributionConfig;
    const [first] = config.CacheBehaviors;
    const origin = config.Origins.find((o) => o.Id === first?.TargetOriginId);
    const exportUrl = Object.keys(resourcesOf(main, "AWS::Lambda::Url")).find((id) => id.includes("ExportResponses"));

    expect(first).toMatchObject({
      PathPattern: "/v1/export/responses.csv",
      AllowedMethods: ["GET", "HEAD"],
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: "https-only",
    });
    expect(exportUrl).toBeDefined();
    expect(origin?.DomainName).toEqual({
      "Fn::Select": [2, { "Fn::Split": ["/", { "Fn::GetAtt": [exportUrl, "FunctionUrl"] }] }],
    });
    expect(origin?.OriginAccessControlId).toBeUndefined();
    // A dynamic reference: CloudFormation resolves it at deploy, the template never holds the secret.
    const secret = [
      "{{resolve:secretsmanager:",
      { Ref: expect.stringContaining("OriginSecret") },
      ":SecretString:::}}",
    ];
    expect(origin?.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: { "Fn::Join": ["", secret] } },
    ]);
  });

  it("answers with security headers", () => {
    main.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'"),
          }),
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: Match.anyValue() }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: "DENY", Override: true },
        }),
      }),
    });
  });

  it("deploys hashed assets as immutable and the rest as no-cache with an invalidation", () => {
    main.hasResourceProperties("Custom::CDKBucketDeployment", {
      Include: ["assets/*", "card-assets/*"],
      Prune: false,
      SystemMetadata: { "cache-control": Match.stringLikeRegexp("immutable") },
    });
    main.hasResourceProperties("Custom::CDKBucketDeployment", {
      Exclude: ["assets/*", "card-assets/*"],
      SystemMetadata: { "cache-control": "no-cache" },
      DistributionPaths: ["/*"],
    });
  });
});

describe("deep links into the PWA", () => {
  /** Runs the CloudFront Function source on a URI, as CloudFront would. */
  const rewrite = (targets: Record<string, string>, uri: string): string => {
    const handler = new Function(`${spaRewriteSource(targets)}; return handler;`)() as (event: unknown) => {
      uri: string;
    };
    return handler({ request: { uri } }).uri;
  };
  const targets = spaTargets(makeWebDist(["kiosk"]));

  it("serve the page of their area, or the main page when the area has none", () => {
    expect(rewrite(targets, "/kiosk")).toBe("/kiosk/index.html");
    expect(rewrite(targets, "/kiosk/thanks")).toBe("/kiosk/index.html");
    expect(rewrite(targets, "/staff/gifts")).toBe("/index.html");
    expect(rewrite(targets, "/dashboard")).toBe("/index.html");
  });

  it("leave files, the API and unknown paths alone", () => {
    expect(rewrite(targets, "/kiosk/index.html")).toBe("/kiosk/index.html");
    expect(rewrite(targets, "/assets/index-abc123.js")).toBe("/assets/index-abc123.js");
    expect(rewrite(targets, "/v1/health")).toBe("/v1/health");
    expect(rewrite(targets, "/sw.js")).toBe("/sw.js");
    expect(rewrite(targets, "/elsewhere")).toBe("/elsewhere");
  });

  it("is the function the distribution runs on viewer requests", () => {
    main.hasResourceProperties("AWS::CloudFront::Function", {
      FunctionCode: Match.stringLikeRegexp('"kiosk":"/kiosk/index.html"'),
      FunctionConfig: Match.objectLike({ Runtime: "cloudfront-js-2.0" }),
    });
  });
});
