/** What a paired kiosk needs to run, and the check that its device is still paired and not revoked. */
import type { KioskStatus } from "@sonrisa/shared/schemas/responses";
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { NotFound, Unauthorized } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRecord, DeviceRepository } from "./ports/device-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";

export interface KioskDeps {
  stores: Pick<StoreRepository, "get">;
  devices: Pick<DeviceRepository, "get" | "touch">;
}

/** The device's store and record; a device removed from its store is refused even with a valid token. */
export async function deviceStore(
  deps: KioskDeps,
  device: Principal,
): Promise<{ store: StoreRecord; record: DeviceRecord }> {
  const storeId = device.storeId;
  if (!storeId) throw new Unauthorized("Not a device token");
  const [store, record] = await Promise.all([deps.stores.get(storeId), deps.devices.get(storeId, device.sub)]);
  if (!record) throw new Unauthorized("This device is no longer paired");
  if (record.revokedAt) throw new Unauthorized("This device was revoked");
  if (!store) throw new NotFound(`No store ${storeId}`);
  return { store, record };
}

export async function getKioskConfig(deps: KioskDeps, device: Principal): Promise<KioskConfig> {
  const { staffPinHash: _hidden, ...settings } = (await deviceStore(deps, device)).store;
  return { ...settings, deviceId: device.sub };
}

/** Records that a paired kiosk is alive and what it reports (a revoked or removed one is refused). */
export async function reportKioskStatus(deps: KioskDeps & { clock: Clock }, device: Principal, status: KioskStatus) {
  const { store } = await deviceStore(deps, device);
  await deps.devices.touch(store.storeId, device.sub, deps.clock.now().toISOString(), undefined, status);
}
