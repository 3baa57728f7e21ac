/** The real dependencies, wired once per cold start; handlers take what they need from here. */
import { randomUUID } from "node:crypto";
import { verifyOrDecoy } from "./adapters/auth/password-hasher.ts";
import { makeDocumentClient, type Table } from "./adapters/dynamo/client.ts";
import { makeDeviceRepository } from "./adapters/dynamo/device-repository.ts";
import { makeGiftRepository } from "./adapters/dynamo/gift-repository.ts";
import { makePinGuardRepository } from "./adapters/dynamo/pin-guard-repository.ts";
import { makeStoreRepository } from "./adapters/dynamo/store-repository.ts";
import { makeUserRepository } from "./adapters/dynamo/user-repository.ts";
import { loadConfig } from "./config.ts";
import { systemClock } from "./domain/ports.ts";
import { tokens } from "./middleware/http-api.ts";

let table: Table | undefined;

/** The table handle for this process. */
export function realTable(): Table {
  if (!table) {
    const config = loadConfig();
    table = { doc: makeDocumentClient(config), name: config.TABLE_NAME };
  }
  return table;
}

export function authDeps() {
  const t = realTable();
  return {
    users: makeUserRepository(t),
    stores: makeStoreRepository(t),
    devices: makeDeviceRepository(t),
    pinGuards: makePinGuardRepository(t),
    tokens: tokens(),
    verifySecret: verifyOrDecoy,
    clock: systemClock,
    newId: randomUUID,
  };
}

export function giftDeps() {
  const t = realTable();
  return { gifts: makeGiftRepository(t), stores: makeStoreRepository(t), clock: systemClock };
}
