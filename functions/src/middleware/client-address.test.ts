/** Which address a request is counted under. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";

const event = (sourceIp: string, xff?: string) =>
  ({
    headers: xff ? { "x-forwarded-for": xff } : {},
    requestContext: { http: { sourceIp } },
  }) as unknown as APIGatewayProxyEventV2;

describe("client address", () => {
  it("is the socket's address locally, whatever the headers claim", () => {
    expect(clientAddress(event("127.0.0.2", "203.0.113.9"), false)).toBe("127.0.0.2");
  });

  it("behind CloudFront, is the viewer entry CloudFront appended, not the client's own claims", () => {
    expect(clientAddress(event("130.176.1.1", "1.2.3.4, 198.51.100.7, 130.176.1.1"), true)).toBe("198.51.100.7");
    expect(clientAddress(event("130.176.1.1", "198.51.100.7"), true)).toBe("198.51.100.7");
    expect(clientAddress(event("198.51.100.7"), true)).toBe("198.51.100.7");
  });
});
