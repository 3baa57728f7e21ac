/**
 * The one Middy stack every HTTP handler uses: header normalising, a 256 KB body cap,
 * JSON parsing, the route's authorization, zod validation and the error mapper.
 * Streamed routes get the same stack in Lambda's response-streaming mode, plus the origin guard.
 */
import type { Readable } from "node:stream";
import middy from "@middy/core";
import httpHeaderNormalizer from "@middy/http-header-normalizer";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import { type Route, routes } from "@sonrisa/shared/routes";
import { PathParams } from "@sonrisa/shared/schemas/common";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { z } from "zod";
import { readSecretString } from "../adapters/auth/secret-string.ts";
import { loadConfig } from "../config.ts";
import { DomainError, Invalid } from "../domain/errors.ts";
import { authenticateKey } from "../domain/integration-keys.ts";
import type { Principal } from "../domain/ports/principal.ts";
import { sessionIsCurrent } from "../domain/sessions.ts";
import { realDeps } from "../wiring.ts";
import { type AuthedEvent, authorize } from "./authorize.ts";
import { clientAddress } from "./client-address.ts";
import { errorMapper } from "./error-mapper.ts";
import { originGuard } from "./origin-guard.ts";

export const MAX_BODY_BYTES = 256 * 1024;

/** Routes without a query schema take no query parameters: unknown fields are refused everywhere. */
const noQuery = z.strictObject({});

export interface ApiRequest<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  auth: Principal | undefined;
  /** The caller's address, for throttling (never logged). */
  client: string;
  event: APIGatewayProxyEventV2;
}

export interface ApiSchemas<B, Q> {
  body?: z.ZodType<B, unknown>;
  query?: z.ZodType<Q, unknown>;
}

/** What a handler's `makeMain(deps)` returns: the plain function the stack wraps. */
export type Main<B, Q> = (request: ApiRequest<B, Q>) => Promise<APIGatewayProxyStructuredResultV2>;

/** What a streamed route's function returns: status and headers, and a body written out as it is read. */
export type StreamedResult = Omit<APIGatewayProxyStructuredResultV2, "body"> & { body: Readable };

/** Wraps a plain async function in the stack for the route named `handlerName` in the route table. */
export function httpApi<B = undefined, Q = Record<string, string | undefined>>(
  handlerName: string,
  schemas: ApiSchemas<B, Q>,
  fn: (request: ApiRequest<B, Q>) => Promise<APIGatewayProxyStructuredResultV2>,
) {
  const route = routeNamed(handlerName);
  if (route.stream) throw new Error(`The route of ${handlerName} is streamed: wrap it with streamedHttpApi`);
  return stack(route, schemas, fn, false);
}

/**
 * The same stack for a route with `stream` in the route table, as a Lambda response-streaming handler
 * (Middy's streamifyResponse). Everything before `fn` returns (the origin guard, authorization,
 * validation, `fn`'s own checks) still ends in an ordinary JSON error; after that the status is sent
 * and the body streams. The Lambda runtime provides the `awslambda` global it needs, and so does the
 * local stack (functions/src/local/lambda-streaming.ts).
 */
export function streamedHttpApi<B = undefined, Q = Record<string, string | undefined>>(
  handlerName: string,
  schemas: ApiSchemas<B, Q>,
  fn: (request: ApiRequest<B, Q>) => Promise<StreamedResult>,
) {
  const route = routeNamed(handlerName);
  if (!route.stream) throw new Error(`The route of ${handlerName} is not streamed: wrap it with httpApi`);
  const runtime = (globalThis as { awslambda?: { streamifyResponse?: unknown } }).awslambda;
  if (typeof runtime?.streamifyResponse !== "function") {
    throw new Error("Response streaming needs awslambda.streamifyResponse, from the Lambda runtime or the local stack");
  }
  return stack(route, schemas, fn, true);
}

function stack<B, Q, R>(
  route: Route,
  schemas: ApiSchemas<B, Q>,
  fn: (request: ApiRequest<B, Q>) => Promise<R>,
  streamed: boolean,
) {
  const base = async (event: AuthedEvent): Promise<R> => {
    // Path parameters first: a malformed store id must never reach a lookup (DynamoDB refuses keys over 2 KB).
    const params = parseWith(PathParams, cleanParams(event.pathParameters), "path") as Record<string, string>;
    const body = schemas.body ? parseWith(schemas.body, event.body, "body") : (undefined as B);
    const query = parseWith(
      (schemas.query ?? noQuery) as z.ZodType<Q, unknown>,
      event.queryStringParameters ?? {},
      "query",
    );
    const client = clientAddress(event, loadConfig().SONRISA_MODE !== "local");
    return fn({ body, query, params, auth: event.auth, client, event });
  };
  const handler = middy<AuthedEvent, R | APIGatewayProxyStructuredResultV2>(base, { streamifyResponse: streamed })
    .use(errorMapper())
    .use(httpHeaderNormalizer())
    .use(bodyCap());
  if (streamed) handler.use(originGuard(route, originSecret()));
  handler.use(
    authorize(
      route,
      () => realDeps().tokens,
      (principal) => sessionIsCurrent(realDeps(), principal),
      (key, event) => authenticateKey(realDeps(), key, clientAddress(event, loadConfig().SONRISA_MODE !== "local")),
    ),
  );
  if (route.bodyType === "form") return handler.use(formBodyParser());
  return schemas.body ? handler.use(jsonOnly()).use(httpJsonBodyParser()) : handler;
}

/**
 * Parses an `application/x-www-form-urlencoded` body (the RFC 8058 one-click POST) into an object of its
 * fields; the route's schema then checks it. Other content types are refused with 415.
 */
function formBodyParser(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      const type = (event.headers?.["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      if (type !== "application/x-www-form-urlencoded") {
        throw new DomainError(415, "unsupported_media_type", "Send the body as application/x-www-form-urlencoded");
      }
      const text = event.isBase64Encoded
        ? Buffer.from(event.body ?? "", "base64").toString("utf8")
        : (event.body ?? "");
      (event as { body: unknown }).body = Object.fromEntries(new URLSearchParams(text));
    },
  };
}

/**
 * The origin secret a streamed route's function expects, read once per cold start; none locally, where
 * no CloudFront stands in front. Deployed without its ARN, the function fails at cold start.
 */
function originSecret(): (() => Promise<string>) | undefined {
  const config = loadConfig();
  if (config.SONRISA_MODE === "local") return undefined;
  const arn = config.ORIGIN_SECRET_ARN;
  if (!arn) throw new Error("Invalid configuration: set ORIGIN_SECRET_ARN (a streamed route sits behind a URL)");
  let value: Promise<string> | undefined;
  return () => {
    value ??= readSecretString(arn, "origin secret").catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
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

/** `application/json`, optionally with a UTF-8 charset; nothing else is parsed (not even `…+json` types). */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Refuses a body sent as anything but JSON with 415, before the JSON parser (which accepts `*+json`), and
 * hands the parser the media type in the one spelling it knows (media types are case-insensitive).
 */
function jsonOnly(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      if (!JSON_TYPE.test(event.headers?.["content-type"] ?? "")) {
        throw new DomainError(415, "unsupported_media_type", "Send the body as application/json");
      }
      event.headers["content-type"] = "application/json";
    },
  };
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
