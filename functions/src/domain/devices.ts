/** The dashboard's kiosks: list a store's devices with what they last reported, rename one, revoke one. */
import type { DeviceSummary } from "@sonrisa/shared/schemas/devices";
import { Forbidden, NotFound } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRecord, DeviceRepository } from "./ports/device-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { requireStore } from "./stores.ts";

export interface DevicesDeps {
  stores: StoreRepository;
  devices: DeviceRepository;
  clock: Clock;
}

/** A store's kiosks, newest pairing first (the authorizer has checked a manager's stores against the path). */
export async function listDevices(deps: DevicesDeps, storeId: string | undefined): Promise<DeviceSummary[]> {
  const store = await requireStore(deps.stores, storeId);
  const devices = await deps.devices.listByStore(store.storeId);
  return devices.map(summaryOf).sort((a, b) => b.pairedAt.localeCompare(a.pairedAt));
}

export async function renameDevice(
  deps: DevicesDeps,
  auth: Principal,
  deviceId: string | undefined,
  name: string,
): Promise<DeviceSummary> {
  const device = await requireDevice(deps, auth, deviceId);
  const renamed = await deps.devices.rename(device.storeId, device.deviceId, name);
  if (!renamed) throw new NotFound(`No kiosk ${deviceId}`);
  return summaryOf(renamed);
}

/**
 * Revokes a kiosk: from now on its token is refused (401), so the tablet shows the pairing screen and keeps
 * its queued answers until it is paired again. Revoking twice keeps the first date. An admin or manager
 * revokes from the dashboard; a kiosk revokes itself when its staff unpair it, and no other kiosk.
 */
export async function revokeDevice(
  deps: DevicesDeps,
  auth: Principal,
  deviceId: string | undefined,
): Promise<DeviceSummary> {
  const device =
    auth.role === "device" ? await ownDevice(deps, auth, deviceId) : await requireDevice(deps, auth, deviceId);
  const revoked = await deps.devices.revoke(device.storeId, device.deviceId, deps.clock.now().toISOString());
  if (!revoked) throw new NotFound(`No kiosk ${deviceId}`);
  return summaryOf(revoked);
}

/** The calling kiosk's own record, when it names itself. */
async function ownDevice(deps: DevicesDeps, auth: Principal, deviceId: string | undefined): Promise<DeviceRecord> {
  if (auth.sub !== deviceId) throw new Forbidden("A kiosk may only unpair itself");
  const device = auth.storeId ? await deps.devices.get(auth.storeId, auth.sub) : undefined;
  if (!device) throw new NotFound(`No kiosk ${auth.sub}`);
  return device;
}

/** The device, if the caller may manage its store: an admin any, a manager only its own stores. */
async function requireDevice(deps: DevicesDeps, auth: Principal, deviceId: string | undefined): Promise<DeviceRecord> {
  const device = deviceId ? await deps.devices.find(deviceId) : undefined;
  if (!device) throw new NotFound(`No kiosk ${deviceId ?? ""}`);
  if (auth.role !== "admin" && !(auth.role === "manager" && auth.stores?.includes(device.storeId))) {
    throw new Forbidden("This kiosk belongs to a store that is not one of yours");
  }
  return device;
}

function summaryOf(device: DeviceRecord): DeviceSummary {
  return {
    deviceId: device.deviceId,
    storeId: device.storeId,
    name: device.name ?? null,
    pairedAt: device.pairedAt,
    lastSeenAt: device.lastSeenAt ?? null,
    queueDepth: device.status?.queueDepth ?? null,
    appVersion: device.status?.appVersion ?? null,
    revokedAt: device.revokedAt ?? null,
    ...(device.status?.undelivered?.length ? { undelivered: device.status.undelivered } : {}),
  };
}
