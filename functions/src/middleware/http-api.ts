/**
 * The one Middy stack every HTTP handler uses: header normalising, a 256 KB body cap,
 * JSON parsing, the route's authorization, zod validation and the error mapper.
 */
import middy from "@middy/core";
import httpHeaderNormalizer from "@middy/http-header-normalizer";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import { type Route, routes } from "@sonrisa/shared/routes";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { z } from "zod";
import { makeTokenService, type Principal, type TokenService } from "../adapters/auth/token-service.ts";
import { loadConfig } from "../config.ts";
import { DomainError, Invalid } from "../domain/errors.ts";
import { type AuthedEvent, authorize } from "./authorize.ts";
import { errorMapper } from "./error-mapper.ts";

export const MAX_BODY_BYTES = 256 * 1024;

/** Routes without a query schema take no query parameters: unknown fields are refused everywhere. */
const noQuery = z.strictObject({});

export interface ApiRequest<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  auth: Principal | undefined;
  event: APIGatewayProxyEventV2;
}

export interface ApiSchemas<B, Q> {
  body?: z.ZodType<B, unknown>;
  query?: z.ZodType<Q, unknown>;
}

let tokenService: TokenService | undefined;
/** The process-wide token service, made on first use from the validated configuration. */
export function tokens(): TokenService {
  tokenService ??= makeTokenService(loadConfig());
  return tokenService;
}

/** Wraps a plain async function in the stack for the route named `handlerName` in the route table. */
export function httpApi<B = undefined, Q = Record<string, string | undefined>>(
  handlerName: string,
  schemas: ApiSchemas<B, Q>,
  fn: (request: ApiRequest<B, Q>) => Promise<APIGatewayProxyStructuredResultV2>,
) {
  const route = routeNamed(handlerName);
  const base = async (event: AuthedEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const body = schemas.body ? parseWith(schemas.body, event.body, "body") : (undefined as B);
    const query = parseWith(
      (schemas.query ?? noQuery) as z.ZodType<Q, unknown>,
      event.queryStringParameters ?? {},
      "query",
    );
    return fn({ body, query, params: cleanParams(event.pathParameters), auth: event.auth, event });
  };
  const stack = middy<AuthedEvent, APIGatewayProxyStructuredResultV2>(base)
    .use(errorMapper())
    .use(httpHeaderNormalizer())
    .use(bodyCap())
    .use(authorize(route, tokens));
  return schemas.body ? stack.use(httpJsonBodyParser()) : stack;
}

function routeNamed(name: string): Route {
  const route = routes.find((r) => r.handler === name);
  if (!route) throw new Error(`No route in the route table uses handler ${name}`);
  return route;
}

function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Invalid(`The ${where} is not valid`, parsed.error.issues);
  return parsed.data;
}

function cleanParams(params: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
}

function bodyCap(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      if (typeof event.body !== "string") return;
      const bytes = event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body);
      if (bytes > MAX_BODY_BYTES) {
        throw new DomainError(413, "payload_too_large", "The body is larger than 256 KB");
      }
    },
  };
}
