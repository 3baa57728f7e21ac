/** The guard of a streamed route's function URL: the origin secret, then the route's own method and path. */
import type { Route } from "@sonrisa/shared/routes";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { originGuard } from "./origin-guard.ts";

const route: Route = { method: "GET", path: "/v1/export/responses.csv", handler: "export-responses", roles: [] };
const secret = async () => "s3cret-value";

function check(
  guard: ReturnType<typeof originGuard>,
  headers: Record<string, string>,
  method = "GET",
  path = route.path,
) {
  const event = { headers, requestContext: { http: { method, path } } } as unknown as APIGatewayProxyEventV2;
  return guard.before?.({ event } as never);
}

describe("origin guard", () => {
  const guard = originGuard(route, secret);

  it("lets through a request that carries CloudFront's secret, for the route's method and path", async () => {
    await expect(check(guard, { "x-sonrisa-origin-secret": "s3cret-value" })).resolves.toBeUndefined();
  });

  it("refuses a request without the secret or with another one, before anything else", async () => {
    await expect(check(guard, {}, "POST", "/elsewhere")).rejects.toMatchObject({ status: 403 });
    await expect(check(guard, { "x-sonrisa-origin-secret": "s3cret-valuE" })).rejects.toMatchObject({ status: 403 });
    await expect(check(guard, { "x-sonrisa-origin-secret": "s3cret-value-and-more" })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("answers other paths with 404 and other methods with 405, as the URL answers them all", async () => {
    const headers = { "x-sonrisa-origin-secret": "s3cret-value" };
    await expect(check(guard, headers, "GET", "/v1/export/other.csv")).rejects.toMatchObject({ status: 404 });
    await expect(check(guard, headers, "DELETE")).rejects.toMatchObject({ status: 405 });
  });

  it("is off without a secret, as in the local stack", async () => {
    await expect(check(originGuard(route, undefined), {}, "POST", "/elsewhere")).resolves.toBeUndefined();
  });
});
