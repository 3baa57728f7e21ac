import { describe, expect, it } from "vitest";
import { routes } from "./routes.ts";
import { PathParams } from "./schemas/common.ts";

describe("path parameters", () => {
  it("every {name} in the route table has a schema, so none reaches a handler unchecked", () => {
    const named = new Set(routes.flatMap((r) => [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)));
    expect([...named].filter((name) => !(name in PathParams.shape))).toEqual([]);
  });

  it("refuses ids that no store, device, contact or link could have", () => {
    expect(PathParams.safeParse({ storeId: "x".repeat(5000) }).success).toBe(false);
    expect(PathParams.safeParse({ contactId: "a/b" }).success).toBe(false);
    expect(PathParams.safeParse({ deviceId: "" }).success).toBe(false);
    expect(PathParams.safeParse({ token: "t".repeat(1001) }).success).toBe(false);
    expect(PathParams.safeParse({ alertId: "madrid-centro.low-stock.coffee.2026-11-30" }).success).toBe(true);
    expect(PathParams.safeParse({ other: "x" }).success).toBe(false);
    expect(PathParams.safeParse({ endpointId: "ep_0123abcd", messageId: "msg_Ab-_9z" }).success).toBe(true);
    expect(PathParams.safeParse({ messageId: "msg.1/../x" }).success).toBe(false);
  });
});
