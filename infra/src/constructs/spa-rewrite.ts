// CloudFront Function that serves the PWA's HTML for deep links into /kiosk, /staff and /dashboard.
// A function rather than custom error responses: those would also rewrite the API's own 403/404s.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from "aws-cdk-lib/aws-cloudfront";
import type { Construct } from "constructs";

/** Client-side routed areas of the PWA. */
export const spaAreas = ["kiosk", "staff", "dashboard", "card"] as const;

/**
 * Maps each area to the HTML that boots it: `/<area>/index.html` when the build emits one
 * (multi-page build), else the single `/index.html`.
 */
export function spaTargets(webDist: string): Record<string, string> {
  return Object.fromEntries(
    spaAreas.map((area) => [
      area,
      existsSync(join(webDist, area, "index.html")) ? `/${area}/index.html` : "/index.html",
    ]),
  );
}

/** Source of the viewer-request function: extension-less paths under an area get that area's HTML. */
export function spaRewriteSource(targets: Record<string, string>): string {
  return `var targets = ${JSON.stringify(targets)};
function handler(event) {
  var request = event.request;
  var match = /^\\/([a-z]+)(\\/[^.]*)?$/.exec(request.uri);
  if (match && targets[match[1]]) request.uri = targets[match[1]];
  return request;
}`;
}

/** Creates the CloudFront Function for the given built PWA folder. */
export function createSpaRewrite(scope: Construct, id: string, webDist: string): CloudFrontFunction {
  return new CloudFrontFunction(scope, id, {
    comment: "Sonrisa: deep links into the PWA areas serve their index.html",
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(spaRewriteSource(spaTargets(webDist))),
  });
}
