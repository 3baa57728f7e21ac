// The PWA and the API on one origin: a private S3 bucket behind CloudFront (OAC), `/v1/*` passed to
// the HTTP API uncached (streamed routes, matched first, to their function URLs with the origin secret),
// deep links rewritten to the PWA, hashed assets cached for a year.
import { LINK_PATH_PREFIXES, ORIGIN_SECRET_HEADER } from "@sonrisa/shared/routes";
import { linkPageContentSecurityPolicy } from "@sonrisa/shared/security-headers";
import { Duration, Fn, Stack, Validations } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  type ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { FunctionUrlOrigin, HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { acknowledgeBucketDeploymentHelper } from "../nag-suppressions.ts";
import type { StreamedRoute } from "./http-api.ts";
import { createSecurityHeaders } from "./security-headers.ts";
import { createSpaRewrite } from "./spa-rewrite.ts";

/** Props of {@link WebSite}. */
export interface WebSiteProps {
  /** Folder of the built PWA (checked by resolveWebDist). */
  webDist: string;
  api: HttpApi;
  /** Routes answered by their function URLs, not by the API. */
  streamed: readonly StreamedRoute[];
  /** Sent to those URLs in ORIGIN_SECRET_HEADER. */
  originSecret: ISecret;
}

/** Bucket, distribution and deployment of the PWA. */
export class WebSite extends Construct {
  /** The CloudFront distribution; its domain is the product's URL. */
  readonly distribution: Distribution;
  /** Private bucket holding the built PWA. */
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    const logs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    this.bucket = new Bucket(this, "Bucket", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: "site-bucket/",
    });

    const headers = createSecurityHeaders(this, "SecurityHeaders");
    const linkHeaders = createSecurityHeaders(this, "LinkPageHeaders", linkPageContentSecurityPolicy);
    // apiEndpoint is https://<id>.execute-api.<region>.<suffix>; the origin wants the host alone.
    const apiDomain = Fn.select(2, Fn.split("/", props.api.apiEndpoint));
    const apiOrigin = new HttpOrigin(apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    const toApi = (responseHeadersPolicy: ResponseHeadersPolicy): BehaviorOptions => ({
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy,
    });
    this.distribution = new Distribution(this, "Distribution", {
      comment: "Sonrisa PWA and API",
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            function: createSpaRewrite(this, "SpaRewrite", props.webDist),
            eventType: FunctionEventType.VIEWER_REQUEST,
          },
        ],
      },
      additionalBehaviors: {
        // Listed first: CloudFront takes the first behaviour whose pattern matches.
        ...streamedBehaviors(props, headers),
        "/v1/*": toApi(headers),
        // Unsubscribe pages (GET shows, POST withdraws, RFC 8058) and tracked links of messages.
        ...Object.fromEntries(LINK_PATH_PREFIXES.map((prefix) => [`${prefix}*`, toApi(linkHeaders)])),
      },
    });
    this.acknowledgeDistributionFindings();
    this.deploy(props.webDist);
    acknowledgeBucketDeploymentHelper(Stack.of(this), this.bucket);
  }

  private acknowledgeDistributionFindings(): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions-CFR1",
        reason: "Stores and event stands are in several countries (Spain, Mexico, more to come); no geo restriction.",
      },
      {
        id: "AwsSolutions-CFR2",
        reason:
          "No WAF for now: the API throttles per stage, validates every body with zod and caps it at 256 KB; " +
          "a web ACL can be attached later without changing the app.",
      },
      {
        id: "AwsSolutions-CFR3",
        reason:
          "CloudFront access logs would store shoppers' IP addresses, and personal data never goes to logs; " +
          "API requests are logged at the API stage without IPs, and the bucket keeps server access logs.",
      },
      {
        id: "AwsSolutions-CFR4",
        reason:
          "The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the minimum " +
          "protocol; with a custom domain and certificate set minimumProtocolVersion to TLSv1.2_2021.",
      },
    );
  }

  /**
   * Hashed files under assets/ (and the card's card-assets/) are immutable and never pruned (an open kiosk may still load old
   * chunks); everything else (index.html, sw.js, manifest) is revalidated on every load.
   */
  private deploy(webDist: string): void {
    const common = { sources: [Source.asset(webDist)], destinationBucket: this.bucket, memoryLimit: 512 };
    const assets = new BucketDeployment(this, "DeployAssets", {
      ...common,
      exclude: ["*"],
      include: ["assets/*", "card-assets/*"],
      prune: false,
      cacheControl: [CacheControl.fromString("public, max-age=31536000, immutable")],
    });
    const shell = new BucketDeployment(this, "DeployShell", {
      ...common,
      exclude: ["assets/*", "card-assets/*"],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ["/*"],
    });
    shell.node.addDependency(assets);
  }
}

/**
 * One uncached behaviour per streamed route, to its function URL, forwarding every viewer header but Host
 * (the bearer token included) and adding the origin secret, which the function requires. The value is a
 * dynamic reference, resolved by CloudFormation at deploy: the template never holds the secret.
 */
function streamedBehaviors(props: WebSiteProps, headers: ResponseHeadersPolicy): Record<string, BehaviorOptions> {
  const secret = props.originSecret.secretValue.unsafeUnwrap();
  return Object.fromEntries(
    props.streamed.map(({ route, url }) => [
      route.path.replace(/\{\w+\}/g, "*"),
      {
        origin: new FunctionUrlOrigin(url, { customHeaders: { [ORIGIN_SECRET_HEADER]: secret } }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: route.method === "GET" ? AllowedMethods.ALLOW_GET_HEAD : AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
      },
    ]),
  );
}
