/**
 * The address a request came from, for throttling. Locally it is the socket's. Deployed, the API sits behind
 * CloudFront, which appends the viewer's address to X-Forwarded-For, and API Gateway appends CloudFront's
 * (the `sourceIp`): the viewer is the entry before that. Entries further left are the client's own claims.
 * A caller that skips CloudFront and calls the API's own endpoint can choose that entry; the per-account
 * and per-store limits still hold for it (docs/api.md, "Threat model").
 */
import type { APIGatewayProxyEventV2 } from "aws-lambda";

export function clientAddress(event: APIGatewayProxyEventV2, behindCloudFront: boolean): string {
  const source = event.requestContext?.http?.sourceIp ?? "unknown";
  if (!behindCloudFront) return source;
  const hops = (event.headers?.["x-forwarded-for"] ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.at(-1) === source) hops.pop();
  return hops.at(-1) ?? source;
}
