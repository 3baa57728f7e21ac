import { describe, expect, it } from "vitest";
import { groupByKeys, inOrderPerKey } from "./in-order-per-key.ts";

describe("groupByKeys", () => {
  it("puts items that share a key, directly or through another item, in one group, in their order", () => {
    const groups = groupByKeys([["a"], ["b"], ["c", "b"], ["a", "d"], [], ["d"], ["c"], ["e"]]);
    expect(groups).toEqual([[0, 3, 5], [1, 2, 6], [4], [7]]);
  });

  it("joins two groups an item links after both began", () => {
    expect(groupByKeys([["x"], ["y"], ["y", "x"], ["y"]])).toEqual([[0, 1, 2, 3]]);
  });
});

describe("inOrderPerKey", () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

  it("handles each group in order while the groups run side by side", async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const items = [
      { id: "p1-a", keys: ["p1"] },
      { id: "p2-a", keys: ["p2"] },
      { id: "p1-b", keys: ["p1"] },
      { id: "p3-a", keys: ["p3"] },
      { id: "p2-b", keys: ["p2"] },
    ];
    const failed = await inOrderPerKey(
      items,
      (i) => i.keys,
      async (i) => {
        running++;
        most = Math.max(most, running);
        await tick();
        log.push(i.id);
        running--;
        return true;
      },
    );
    expect(failed).toBeUndefined();
    expect(most).toBe(3);
    expect(log.indexOf("p1-a")).toBeLessThan(log.indexOf("p1-b"));
    expect(log.indexOf("p2-a")).toBeLessThan(log.indexOf("p2-b"));
    expect(log).toHaveLength(5);
  });

  it("stops a group at its failure, finishes the others, and answers the first failure in batch order", async () => {
    const handled: number[] = [];
    const keys = [["a"], ["b"], ["a"], ["b"], ["c"], ["a"]];
    const failed = await inOrderPerKey(
      keys.map((k, i) => ({ k, i })),
      (x) => x.k,
      async (x) => {
        await tick();
        if (x.i === 3 || x.i === 2) return false;
        handled.push(x.i);
        return true;
      },
    );
    expect(failed).toBe(2);
    // 5 shares a key with the failed 2: never handled before it; 4 is in a group of its own
    expect(handled.sort()).toEqual([0, 1, 4]);
  });
});
