/** Maps every failure to the contract's error body; only messages of 4xx errors reach the client. */
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { ZodError } from "zod";
import { logger } from "../adapters/logger.ts";
import { DomainError, TooManyRequests, Unavailable } from "../domain/errors.ts";
import { json } from "./json.ts";
import { outageLog } from "./outage-log.ts";

interface HttpLikeError {
  statusCode?: number;
  message: string;
  cause?: { package?: string };
}

export function errorMapper(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      request.response = toResponse(request.error as Error);
    },
  };
}

function toResponse(error: Error): APIGatewayProxyStructuredResultV2 {
  if (error instanceof TooManyRequests) {
    return json(429, body(error.code, error.message), { "retry-after": String(error.retryAfterSec) });
  }
  if (error instanceof Unavailable) return unavailable(error.kind, error.retryAfterSec);
  if (error instanceof DomainError) return json(error.status, body(error.code, error.message, error.details));
  if (error instanceof ZodError) return json(400, body("invalid_request", "The request is not valid", error.issues));
  const http = error as HttpLikeError;
  if (http.cause?.package === "@middy/http-json-body-parser") {
    return http.message.startsWith("Unsupported")
      ? json(415, body("unsupported_media_type", "Send the body as application/json"))
      : json(400, body("invalid_json", "The body is not valid JSON"));
  }
  if (http.statusCode && http.statusCode < 500) return json(http.statusCode, body("bad_request", http.message));
  // The function ran out of time: nothing half-done is left behind (writes are transactions).
  if (error.name === "TimeoutError") return unavailable("function timed out", 2);
  logger.error("unhandled error", { error: { name: error.name, message: error.message, stack: error.stack } });
  return json(500, body("internal", "Internal error"));
}

/** 503 with Retry-After; the outage is logged once per burst, not once per request. */
export function unavailable(
  kind: string,
  retryAfterSec: number,
  extra: Record<string, unknown> = {},
): APIGatewayProxyStructuredResultV2 {
  outageLog.record(kind);
  return json(
    503,
    { ...extra, ...body("unavailable", "The service is unavailable for a moment; try again") },
    {
      "retry-after": String(retryAfterSec),
    },
  );
}

function body(code: string, message: string, details?: unknown[]) {
  return { error: details ? { code, message, details } : { code, message } };
}
