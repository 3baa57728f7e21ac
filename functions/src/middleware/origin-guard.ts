/**
 * Guards a streamed route's function URL. The URL is public (auth type NONE, so the bearer token reaches
 * the function in `Authorization`); a request counts only when it carries the secret CloudFront adds as an
 * origin header, and only for the route's own method and path, since a URL answers any of them.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareObj } from "@middy/core";
import { matchPath, ORIGIN_SECRET_HEADER, type Route } from "@sonrisa/shared/routes";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { DomainError, Forbidden, NotFound } from "../domain/errors.ts";

/**
 * `secret` resolves the expected value; undefined turns the guard off (the local stack has no CloudFront,
 * and its server routes requests itself).
 */
export function originGuard(
  route: Route,
  secret: (() => Promise<string>) | undefined,
): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      if (!secret) return;
      if (!sameSecret(event.headers?.[ORIGIN_SECRET_HEADER] ?? "", await secret())) {
        throw new Forbidden("Call the API through the site's address");
      }
      const { method, path } = event.requestContext.http;
      if (!matchPath(route.path, path)) throw new NotFound(`No route for ${path}`);
      if (method !== route.method) throw new DomainError(405, "method_not_allowed", `Use ${route.method} for ${path}`);
    },
  };
}

/** Constant-time comparison (of digests, so the lengths match too). */
function sameSecret(sent: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
