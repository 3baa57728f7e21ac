/**
 * Store settings, surprise rules and device records kept per warm function for a few seconds, for the hot
 * path (every kiosk batch needs all three); and for the stream consumer, which reads them for every opt-in or
 * low answer, the follow-up rules and alert settings the same way, and consent texts (kept versions never
 * change) for as long as the function lives. A change made through the same process (a PUT of the rules,
 * any write through the device repository) clears the copy at once; one made elsewhere (another Lambda)
 * applies within SETTINGS_TTL_MS. docs/api.md states this.
 */
import type { AlertRepository } from "../../domain/ports/alert-repository.ts";
import type { AnswerWriter } from "../../domain/ports/answer-writer.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import type { ConsentTexts } from "../../domain/ports/consent-texts.ts";
import type { DeviceRecord, DeviceRepository } from "../../domain/ports/device-repository.ts";
import type { FollowUpRulesRepository } from "../../domain/ports/follow-up-rules-repository.ts";
import type { RulesRepository } from "../../domain/ports/rules-repository.ts";
import type { StoreRecord, StoreRepository } from "../../domain/ports/store-repository.ts";

/** How stale a cached store, rule list or device may be. */
export const SETTINGS_TTL_MS = 5_000;
/** A warm function serving many kiosks starts its copies over rather than grow without bound. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: Promise<T>;
  until: number;
}

/** A cache of `load(key)` for `ttlMs`; a failed load is not kept. */
function ttlCache<K, T>(clock: Clock, ttlMs: number, load: (key: K) => Promise<T>) {
  const entries = new Map<K, Entry<T>>();
  return {
    get(key: K): Promise<T> {
      const now = clock.now().getTime();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;
      return this.put(key, load(key));
    },
    /** Keeps `value` as the copy, for a full `ttlMs` from now. */
    put(key: K, value: Promise<T>): Promise<T> {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, until: clock.now().getTime() + ttlMs });
      value.catch(() => entries.delete(key));
      return value;
    },
    /** Changes the copy, if there is one, without making it last longer. */
    update(key: K, change: (value: T) => T): void {
      const hit = entries.get(key);
      if (hit) entries.set(key, { ...hit, value: hit.value.then(change) });
    },
    forget(key?: K): void {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}

/** The store repository as is (writes clear the cached copy), and a cached `get` for the hot path. */
export function cachedStores(repo: StoreRepository, clock: Clock, ttlMs = SETTINGS_TTL_MS) {
  const cache = ttlCache<string, StoreRecord | undefined>(clock, ttlMs, (id) => repo.get(id));
  const fresh: StoreRepository = {
    ...repo,
    async put(store) {
      await repo.put(store);
      cache.forget(store.storeId);
    },
  };
  return { fresh, cached: { get: (id: string) => cache.get(id) } satisfies Pick<StoreRepository, "get"> };
}

/** The rules repository as is (a replace clears the cached copy), and a cached `get` for the hot path. */
export function cachedRules(repo: RulesRepository, clock: Clock, ttlMs = SETTINGS_TTL_MS) {
  return cachedList(repo, clock, ttlMs);
}

/**
 * Devices on the kiosk's path. A device's record is read at most once per SETTINGS_TTL_MS per warm function,
 * and the last-answer time each committed batch leaves is kept in the copy, so a kiosk's next batch plans
 * its burst check without a read. A stale copy is harmless: the transaction is conditioned on that time,
 * so it is cancelled, the device is read again (strongly consistent) and the batch planned again; a
 * deleted device fails the same condition. `fresh` is the repository as is, each of its writes clearing
 * the copies.
 */
export function cachedDevices(repo: DeviceRepository, clock: Clock, ttlMs = SETTINGS_TTL_MS) {
  const key = (storeId: string, deviceId: string) => `${storeId}/${deviceId}`;
  const cache = ttlCache<string, DeviceRecord | undefined>(clock, ttlMs, (k) => {
    const [storeId = "", deviceId = ""] = k.split("/");
    return repo.get(storeId, deviceId);
  });
  const fresh = forgetAfter(
    repo,
    (name) => name !== "get",
    () => cache.forget(),
  );
  const cached: Pick<DeviceRepository, "get" | "touch"> = {
    get(storeId, deviceId, opts) {
      if (opts?.consistent) return cache.put(key(storeId, deviceId), repo.get(storeId, deviceId, opts));
      return cache.get(key(storeId, deviceId));
    },
    async touch(storeId, deviceId, ...rest) {
      cache.forget(key(storeId, deviceId));
      await repo.touch(storeId, deviceId, ...rest);
    },
  };
  /** The writer, keeping the device's copy in step with what each batch committed. */
  const remembering = (writer: AnswerWriter): AnswerWriter => ({
    async write(store, answers, today, device) {
      const result = await writer.write(store, answers, today, device);
      if (!device) return result;
      const k = key(store.storeId, device.deviceId);
      if (result.deviceMoved) cache.forget(k);
      else if (result.lastAnswerAt !== undefined) {
        const lastAnswerAt = result.lastAnswerAt;
        cache.update(k, (record) => record && { ...record, lastAnswerAt, lastSeenAt: device.seenAt });
      }
      return result;
    },
  });
  return { fresh, cached, remembering };
}

/** The follow-up rules as is (a replace clears the copy), and a cached `get` for the stream consumer. */
export function cachedFollowUpRules(repo: FollowUpRulesRepository, clock: Clock, ttlMs = SETTINGS_TTL_MS) {
  return cachedList(repo, clock, ttlMs);
}

/** The alert repository as is (a settings change clears that store's copy), and cached settings for the consumer. */
export function cachedAlertSettings(repo: AlertRepository, clock: Clock, ttlMs = SETTINGS_TTL_MS) {
  const cache = ttlCache<string, Awaited<ReturnType<AlertRepository["settings"]>>>(clock, ttlMs, (storeId) =>
    repo.settings(storeId),
  );
  const fresh = forgetAfter(
    repo,
    (name) => name === "putSettings",
    ([storeId]) => cache.forget(storeId as string),
  );
  return { fresh, cached: { settings: (storeId: string) => cache.get(storeId) } };
}

/** Consent texts: a kept version never changes, so each is read once per warm function (one not found is not kept). */
export function cachedConsentTexts(texts: ConsentTexts): ConsentTexts {
  const kept = new Map<string, ReturnType<ConsentTexts["get"]>>();
  return {
    get(storeId, version, lang) {
      const key = `${storeId}\u0000${version}\u0000${lang}`;
      const hit = kept.get(key);
      if (hit) return hit;
      if (kept.size >= MAX_ENTRIES) kept.clear();
      const loading = texts.get(storeId, version, lang);
      kept.set(key, loading);
      loading.then(
        (found) => found === undefined && kept.delete(key),
        () => kept.delete(key),
      );
      return loading;
    },
  };
}

/** A repository whose `get()` reads one whole list: the list kept for `ttlMs`, and its `replace` clearing it. */
function cachedList<R extends { get(): Promise<unknown>; replace(...args: never[]): Promise<unknown> }>(
  repo: R,
  clock: Clock,
  ttlMs: number,
) {
  type List = Awaited<ReturnType<R["get"]>>;
  const cache = ttlCache<"list", List>(clock, ttlMs, () => repo.get() as Promise<List>);
  const fresh = forgetAfter(
    repo,
    (name) => name === "replace",
    () => cache.forget(),
  );
  return { fresh, cached: { get: () => cache.get("list") } };
}

/** The repository as is, each method `writes` names forgetting cached copies once it has run, succeeded or not. */
function forgetAfter<R extends object>(
  repo: R,
  writes: (name: string) => boolean,
  forget: (args: unknown[]) => void,
): R {
  return Object.fromEntries(
    Object.entries(repo).map(([name, method]) => [
      name,
      writes(name)
        ? async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>).apply(repo, args);
            } finally {
              forget(args);
            }
          }
        : method,
    ]),
  ) as R;
}
