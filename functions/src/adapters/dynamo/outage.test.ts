/** Which failures of a DynamoDB call are "the database is unavailable" (a 503), and which are not (a bug: a 500). */
import { describe, expect, it } from "vitest";
import { outageKind } from "./outage.ts";

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });
const coded = (code: string) => Object.assign(new Error(code), { code });

describe("outageKind", () => {
  it.each([
    [named("ProvisionedThroughputExceededException"), "throttled"],
    [named("ThrottlingException"), "throttled"],
    [named("RequestLimitExceeded"), "throttled"],
    [coded("ECONNREFUSED"), "refused"],
    [coded("EHOSTUNREACH"), "refused"],
    [coded("ECONNRESET"), "reset"],
    [coded("EPIPE"), "reset"],
    [new Error("socket hang up"), "reset"],
    [named("TimeoutError"), "timed out"],
    [named("AbortError"), "timed out"],
    [coded("ETIMEDOUT"), "timed out"],
    [named("InternalServerError"), "server error"],
    [named("SomethingNew", { $metadata: { httpStatusCode: 503 } }), "server error"],
    // Node's connection tried on IPv6 and IPv4 alike fails as one AggregateError of the attempts.
    [Object.assign(new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")]), {}), "refused"],
  ])("calls %s %j", (error, kind) => {
    expect(outageKind(error)).toBe(kind);
  });

  it.each([
    [named("ValidationException", { $metadata: { httpStatusCode: 400 } })],
    [named("ConditionalCheckFailedException", { $metadata: { httpStatusCode: 400 } })],
    [named("TransactionCanceledException", { $metadata: { httpStatusCode: 400 } })],
    [named("ResourceNotFoundException", { $metadata: { httpStatusCode: 400 } })],
    [new TypeError("Cannot read properties of undefined")],
    [undefined],
    [Object.assign(new AggregateError([new TypeError("x")]), {})],
  ])("does not call %s an outage (a bug or a refusal is not a 503)", (error) => {
    expect(outageKind(error)).toBeUndefined();
  });
});
