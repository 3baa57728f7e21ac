/**
 * Store settings and surprise rules kept per warm function for a few seconds, for the hot path (every
 * kiosk batch needs both). A change made through the same process (a PUT of the rules) clears the copy at
 * once; one made elsewhere (another Lambda) applies within SETTINGS_TTL_MS. docs/api.md states this.
 */
import type { Clock } from "../../domain/ports/clock.ts";
import type { RulesRepository } from "../../domain/ports/rules-repository.ts";
import type { StoreRecord, StoreRepository } from "../../domain/ports/store-repository.ts";

/** How stale a cached store or rule list may be. */
export const SETTINGS_TTL_MS = 5_000;

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
      const value = load(key);
      entries.set(key, { value, until: now + ttlMs });
      value.catch(() => entries.delete(key));
      return value;
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
  const cache = ttlCache<"rules", Awaited<ReturnType<RulesRepository["get"]>>>(clock, ttlMs, () => repo.get());
  const fresh: RulesRepository = {
    ...repo,
    async replace(rules, by, at) {
      await repo.replace(rules, by, at);
      cache.forget();
    },
  };
  return { fresh, cached: { get: () => cache.get("rules") } satisfies Pick<RulesRepository, "get"> };
}
