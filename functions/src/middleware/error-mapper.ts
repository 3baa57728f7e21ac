/** Maps every failure to the contract's error body; only messages of 4xx errors reach the client. */
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { ZodError } from "zod";
import { logger } from "../adapters/logger.ts";
import { DomainError, TooManyRequests } from "../domain/errors.ts";
import { json } from "./json.ts";

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
  if (error instanceof DomainError) return json(error.status, body(error.code, error.message, error.details));
  if (error instanceof ZodError) return json(400, body("invalid_request", "The request is not valid", error.issues));
  const http = error as HttpLikeError;
  if (http.cause?.package === "@middy/http-json-body-parser") {
    return http.message.startsWith("Unsupported")
      ? json(415, body("unsupported_media_type", "Send the body as application/json"))
      : json(400, body("invalid_json", "The body is not valid JSON"));
  }
  if (http.statusCode && http.statusCode < 500) return json(http.statusCode, body("bad_request", http.message));
  if (error.name === "TimeoutError") {
    // Nothing half-done is left behind (writes are transactions); the client retries.
    logger.warn("handler ran out of time");
    return json(503, body("unavailable", "The service is busy; try again"), { "retry-after": "2" });
  }
  logger.error("unhandled error", { error: { name: error.name, message: error.message, stack: error.stack } });
  return json(500, body("internal", "Internal error"));
}

function body(code: string, message: string, details?: unknown[]) {
  return { error: details ? { code, message, details } : { code, message } };
}
