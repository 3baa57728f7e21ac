/**
 * Managers of a store, read where the people work keeps users: gsi1 `USERS`, role `manager`, `stores` holding
 * the store, not disabled. Until users are indexed there, a store has no managers and alerts go to its
 * alert addresses only.
 */
import type { StoreManagers } from "../../domain/ports/store-managers.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";

export function makeStoreManagers(table: Table): StoreManagers {
  return {
    async emailsOf(storeId) {
      const users = await queryAll(table, keys.allUsers());
      return users
        .filter((u) => u.role === "manager" && !u.disabled && Array.isArray(u.stores) && u.stores.includes(storeId))
        .map((u) => String(u.email));
    },
  };
}
