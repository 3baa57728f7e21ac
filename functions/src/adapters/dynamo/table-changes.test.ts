import { describe, expect, it } from "vitest";
import { tableChanges } from "./table-changes.ts";

/** A stream record of a new answer, in Lambda's attribute-value shape. */
function answer(id: string, extra: Record<string, unknown> = {}) {
  return {
    eventName: "INSERT",
    dynamodb: {
      Keys: { pk: { S: `RESPONSE#${id}` }, sk: { S: "RESPONSE" } },
      NewImage: {
        pk: { S: `RESPONSE#${id}` },
        sk: { S: "RESPONSE" },
        entity: { S: "Response" },
        id: { S: id },
        score: { N: "5" },
        ...extra,
      },
    },
  };
}

const optIn = (fields: Record<string, unknown>) => ({ optIn: { M: fields } });

describe("the order keys of a stream record", () => {
  it("name the answer's item and the person it names, however the address is written", () => {
    const a = tableChanges.orderKeys(answer("a1", optIn({ email: { S: " Ana@Example.com " } })));
    const b = tableChanges.orderKeys(
      answer("a2", {
        ...optIn({ email: { S: "ana@example.com" }, phone: { S: "+34 600 111 222" } }),
        memberId: { S: "m-9" },
      }),
    );
    const c = tableChanges.orderKeys(answer("a3", optIn({ phone: { S: "600111222" } })));
    const d = tableChanges.orderKeys(answer("a4", { memberId: { S: "m-9" } }));
    const e = tableChanges.orderKeys(
      answer("a5", optIn({ social: { M: { network: { S: "instagram" }, handle: { S: "@Ana.Shop" } } } })),
    );
    expect(a).toEqual(["item:RESPONSE#a1|RESPONSE", "email:ana@example.com"]);
    expect(b).toContain("email:ana@example.com");
    expect(b).toContain("phone:600111222");
    expect(c).toContain("phone:600111222");
    expect(d).toEqual(["item:RESPONSE#a4|RESPONSE", "member:m-9"]);
    expect(b).toContain("member:m-9");
    expect(e).toContain("social:instagram:ana.shop");
  });

  it("name only the item for an answer that names nobody and for other changes", () => {
    expect(tableChanges.orderKeys(answer("a6"))).toEqual(["item:RESPONSE#a6|RESPONSE"]);
    const stock = {
      eventName: "MODIFY",
      dynamodb: {
        Keys: { pk: { S: "STORE#madrid" }, sk: { S: "STOCK#coffee" } },
        NewImage: { entity: { S: "Stock" } },
      },
    };
    expect(tableChanges.orderKeys(stock)).toEqual(["item:STORE#madrid|STOCK#coffee"]);
  });
});
