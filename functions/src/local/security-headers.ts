/** Security headers of the local origin; CloudFront adds the same ones in AWS. */
import { contentSecurityPolicy, permissionsPolicy } from "@sonrisa/shared/security-headers";

/** Headers on every response, static or API. The camera stays allowed for scanning member QR codes. */
export const baseSecurityHeaders: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": permissionsPolicy,
};

/** Headers for HTML documents of the app. */
export const documentHeaders: Record<string, string> = {
  ...baseSecurityHeaders,
  "content-security-policy": contentSecurityPolicy,
};
