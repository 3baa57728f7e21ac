/** HTML pages and redirects for the routes outside /v1 (links in messages), with their own CSP. */
import { linkPageContentSecurityPolicy } from "@sonrisa/shared/security-headers";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export function html(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": linkPageContentSecurityPolicy,
    },
    body,
  };
}

/** A 302 to `location`; never cached, no referrer passed on. */
export function redirect(location: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 302,
    headers: { location, "cache-control": "no-store", "referrer-policy": "no-referrer" },
    body: "",
  };
}
