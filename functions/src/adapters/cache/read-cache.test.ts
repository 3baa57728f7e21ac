/**
 * The few-second copies of the kiosk's and the stream consumer's paths: how long they last, what clears them,
 * what a batch leaves in them.
 */
import { describe, expect, it } from "vitest";
import type { AlertRepository } from "../../domain/ports/alert-repository.ts";
import type { AnswerWriter } from "../../domain/ports/answer-writer.ts";
import type { ConsentTexts } from "../../domain/ports/consent-texts.ts";
import type { DeviceRecord, DeviceRepository } from "../../domain/ports/device-repository.ts";
import type { FollowUpRulesRepository } from "../../domain/ports/follow-up-rules-repository.ts";
import type { RulesRepository } from "../../domain/ports/rules-repository.ts";
import type { StoreRecord, StoreRepository } from "../../domain/ports/store-repository.ts";
import {
  cachedAlertSettings,
  cachedConsentTexts,
  cachedDevices,
  cachedFollowUpRules,
  cachedRules,
  cachedStores,
} from "./read-cache.ts";

function clock() {
  let now = Date.parse("2026-06-17T10:00:00Z");
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe("settings and rules on the kiosk's path", () => {
  it("read the rules once per 5 s, and at once again after a change made through this process", async () => {
    const c = clock();
    let reads = 0;
    let rules: Awaited<ReturnType<RulesRepository["get"]>> = [];
    const repo: RulesRepository = {
      get: async () => {
        reads++;
        return rules;
      },
      state: async () => ({ rules, version: 1 }),
      replace: async (next) => {
        rules = next;
        return true;
      },
      revisions: async () => ({ items: [] }),
    };
    const { fresh, cached } = cachedRules(repo, c);

    await cached.get();
    c.advance(4_999);
    await cached.get();
    c.advance(2);
    await cached.get();
    const afterTtl = reads;
    await fresh.replace([{ id: "r" } as never], 1, {} as never);
    const changed = await cached.get();

    expect(afterTtl).toBe(2);
    expect(changed).toEqual([{ id: "r" }]);
    expect(reads).toBe(3);
  });
});

describe("store settings on the kiosk's path", () => {
  it("read a store once per 5 s per store, not a missing one's failure, and at once again after a save", async () => {
    const c = clock();
    const reads: string[] = [];
    const saved = new Map<string, StoreRecord>([["a", { storeId: "a", name: "A" } as StoreRecord]]);
    let failNext = false;
    const repo = {
      get: async (id: string) => {
        reads.push(id);
        if (failNext) {
          failNext = false;
          throw new Error("unavailable");
        }
        return saved.get(id);
      },
      put: async (store: StoreRecord) => void saved.set(store.storeId, store),
    } as unknown as StoreRepository;
    const { fresh, cached } = cachedStores(repo, c);

    await cached.get("a");
    await cached.get("a");
    await cached.get("b");
    c.advance(5_001);
    failNext = true;
    await expect(cached.get("a")).rejects.toThrow("unavailable");
    const retried = await cached.get("a");
    await fresh.put({ storeId: "a", name: "A2" } as StoreRecord);
    const afterSave = await cached.get("a");

    expect(retried?.name).toBe("A");
    expect(afterSave?.name).toBe("A2");
    expect(reads).toEqual(["a", "b", "a", "a", "a"]);
  });
});

describe("devices on the kiosk's path", () => {
  const store = { storeId: "s" } as StoreRecord;
  const record: DeviceRecord = { storeId: "s", deviceId: "d", pairedAt: "x", lastAnswerAt: "2026-06-17T09:00:00.000Z" };

  function setup() {
    const c = clock();
    const calls: string[] = [];
    const repo = {
      get: async (_s: string, _d: string, opts?: { consistent?: boolean }) => {
        calls.push(opts?.consistent ? "get consistent" : "get");
        return { ...record };
      },
      touch: async () => void calls.push("touch"),
      revoke: async () => void calls.push("revoke"),
    } as unknown as DeviceRepository;
    const devices = cachedDevices(repo, c);
    return { c, calls, devices };
  }

  it("keep the last-answer time a batch committed, so the next batch of the kiosk reads nothing", async () => {
    const { calls, devices } = setup();
    const writer: AnswerWriter = {
      write: async () => ({ outcomes: new Map(), lastAnswerAt: "2026-06-17T09:59:00.000Z" }),
    };
    await devices.cached.get("s", "d");

    await devices.remembering(writer).write(store, [], "2026-06-17", { deviceId: "d", seenAt: "now" });
    const next = await devices.cached.get("s", "d");

    expect(next?.lastAnswerAt).toBe("2026-06-17T09:59:00.000Z");
    expect(calls).toEqual(["get"]);
  });

  it("forget a device whose batch lost the race, and refresh it with a consistent read", async () => {
    const { calls, devices } = setup();
    const moved: AnswerWriter = { write: async () => ({ outcomes: new Map(), deviceMoved: true }) };
    await devices.cached.get("s", "d");

    await devices.remembering(moved).write(store, [], "2026-06-17", { deviceId: "d", seenAt: "now" });
    await devices.cached.get("s", "d", { consistent: true });
    await devices.cached.get("s", "d");

    expect(calls).toEqual(["get", "get consistent"]);
  });

  it("read a device again after 5 s, and after any write through the repository, even one added later", async () => {
    const { c, calls, devices } = setup();
    await devices.cached.get("s", "d");
    c.advance(5_001);
    await devices.cached.get("s", "d");
    await (devices.fresh as unknown as { revoke(): Promise<void> }).revoke();
    await devices.cached.get("s", "d");

    expect(calls).toEqual(["get", "get", "revoke", "get"]);
  });
});

describe("settings on the stream consumer's path", () => {
  it("read the follow-up rules once per 5 s, and again at once after a replace through this process", async () => {
    const c = clock();
    let reads = 0;
    let rules: Awaited<ReturnType<FollowUpRulesRepository["get"]>> = [];
    const repo: FollowUpRulesRepository = {
      get: async () => {
        reads++;
        return rules;
      },
      replace: async (next) => {
        rules = next;
      },
    };
    const { fresh, cached } = cachedFollowUpRules(repo, c);

    await cached.get();
    c.advance(4_999);
    await cached.get();
    expect(reads).toBe(1);
    c.advance(2);
    await cached.get();
    expect(reads).toBe(2);
    await fresh.replace([{ id: "thanks" } as never], "admin", "2026-06-17T10:00:06Z");
    expect(await cached.get()).toEqual([{ id: "thanks" }]);
    expect(reads).toBe(3);
  });

  it("keep each store's alert settings apart, and forget a store's when they change through this process", async () => {
    const c = clock();
    const reads: string[] = [];
    const settings = new Map<string, number>([
      ["a", 3],
      ["b", 5],
    ]);
    const repo = {
      settings: async (storeId: string) => {
        reads.push(storeId);
        return { negativeSpike: { minNegative: settings.get(storeId) } } as never;
      },
      putSettings: async (storeId: string, next: { negativeSpike: { minNegative: number } }) => {
        settings.set(storeId, next.negativeSpike.minNegative);
      },
    } as unknown as AlertRepository;
    const { fresh, cached } = cachedAlertSettings(repo, c);

    expect(await cached.settings("a")).toEqual({ negativeSpike: { minNegative: 3 } });
    await cached.settings("b");
    await cached.settings("a");
    expect(reads).toEqual(["a", "b"]);
    await fresh.putSettings("a", { negativeSpike: { minNegative: 9 } } as never, "admin", "2026-06-17T10:00:01Z");
    expect(await cached.settings("a")).toEqual({ negativeSpike: { minNegative: 9 } });
    await cached.settings("b");
    expect(reads).toEqual(["a", "b", "a"]);
  });

  it("keep a consent text once found, and ask again for one not found", async () => {
    const asked: string[] = [];
    const texts: ConsentTexts = {
      get: async (storeId, version, lang) => {
        asked.push(`${storeId}/${version}/${lang}`);
        return version === "v1" ? { text: "Acepto.", sha256: "x" } : undefined;
      },
    };
    const cached = cachedConsentTexts(texts);

    await cached.get("madrid", "v1", "es");
    expect(await cached.get("madrid", "v1", "es")).toEqual({ text: "Acepto.", sha256: "x" });
    expect(await cached.get("madrid", "v2", "es")).toBeUndefined();
    await cached.get("madrid", "v2", "es");
    await cached.get("madrid", "v1", "en");
    expect(asked).toEqual(["madrid/v1/es", "madrid/v2/es", "madrid/v2/es", "madrid/v1/en"]);
  });
});
