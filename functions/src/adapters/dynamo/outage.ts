/**
 * Tells "the database is unavailable" apart from every other failure of a DynamoDB call: a refused or
 * reset connection, a timeout, throttling or a server error, once the client's retries are spent. Such a
 * failure leaves the client as the domain's `Unavailable`, which the API answers with 503 and Retry-After.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Unavailable } from "../../domain/errors.ts";

const THROTTLED = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
]);
const SERVER = new Set(["InternalServerError", "ServiceUnavailable", "ServiceUnavailableException"]);
const TIMED_OUT = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "AbortError"]);
const REFUSED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EADDRNOTAVAIL"]);
const RESET = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  errors?: unknown[];
  $metadata?: { httpStatusCode?: number };
}

/** The kind of unavailability, or undefined for an error that is not one (a validation error, a bug). */
export function outageKind(error: unknown): string | undefined {
  const e = (error ?? {}) as SdkLikeError;
  if (e.name && THROTTLED.has(e.name)) return "throttled";
  if (e.code && REFUSED.has(e.code)) return "refused";
  if ((e.code && RESET.has(e.code)) || e.message === "socket hang up") return "reset";
  if ((e.name && TIMED_OUT.has(e.name)) || e.code === "ETIMEDOUT") return "timed out";
  if ((e.name && SERVER.has(e.name)) || (e.$metadata?.httpStatusCode ?? 0) >= 500) return "server error";
  // Node reports a connection tried on several addresses as one AggregateError.
  if (Array.isArray(e.errors)) return e.errors.map(outageKind).find(Boolean);
  return undefined;
}

/** Adds to the client's stack (outside its retries) the step that turns an outage into `Unavailable`. */
export function reportOutagesAsUnavailable(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const kind = outageKind(error);
        throw kind ? new Unavailable(kind) : error;
      }
    },
    { step: "initialize", name: "sonrisaOutageAsUnavailable", priority: "high" },
  );
}
