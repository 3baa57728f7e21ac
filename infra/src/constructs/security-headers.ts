// Response headers for every CloudFront answer, the same set the local server sends
// (functions/src/local/security-headers.ts), plus HSTS which only makes sense on HTTPS.

import { contentSecurityPolicy, permissionsPolicy } from "@sonrisa/shared/security-headers";
import { Duration } from "aws-cdk-lib";
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from "aws-cdk-lib/aws-cloudfront";
import type { Construct } from "constructs";

/**
 * Creates the response headers policy shared by the static and the API behaviours; the pages behind links in
 * messages (`/u/*`, `/r/*`) get another CSP (their inline style, no scripts).
 */
export function createSecurityHeaders(
  scope: Construct,
  id: string,
  csp = contentSecurityPolicy,
): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: "Sonrisa security headers",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
    },
    customHeadersBehavior: {
      customHeaders: [
        { header: "Permissions-Policy", value: permissionsPolicy, override: true },
        { header: "Cross-Origin-Opener-Policy", value: "same-origin", override: true },
      ],
    },
  });
}
