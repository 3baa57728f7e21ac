/** Lazy, cached imports of function entry files (`<dir>/<name>.ts`), so a handler cold-starts on first use. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface ModuleLoader<T> {
  /** True when the entry file exists (handlers and jobs are written over time). */
  exists(name: string): boolean;
  /** The module's exports; imported once, a failed import is retried next time. */
  load(name: string): Promise<T>;
}

/** A loader for entry files under `dir`. */
export function makeModuleLoader<T>(dir: string): ModuleLoader<T> {
  const cache = new Map<string, Promise<T>>();
  const file = (name: string) => join(dir, `${name}.ts`);
  return {
    exists: (name) => existsSync(file(name)),
    load(name) {
      let loading = cache.get(name);
      if (!loading) {
        loading = import(pathToFileURL(file(name)).href) as Promise<T>;
        loading.catch(() => cache.delete(name));
        cache.set(name, loading);
      }
      return loading;
    },
  };
}
