/** Paired kiosks as the dashboard manages them: list, rename, revoke. */
import { z } from "zod";
import { StoreId } from "./common.ts";
import { KioskStatus } from "./responses.ts";

/** A kiosk of a store with what it last reported; null where it never said (or was never seen). */
export const DeviceSummary = z.strictObject({
  deviceId: z.string(),
  storeId: StoreId,
  name: z.string().nullable(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  queueDepth: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  revokedAt: z.string().nullable(),
  undelivered: KioskStatus.shape.undelivered,
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** GET /v1/stores/{storeId}/devices: newest pairing first. */
export const DeviceList = z.strictObject({ devices: z.array(DeviceSummary) });
export type DeviceList = z.infer<typeof DeviceList>;

/** PUT /v1/devices/{deviceId}: a name people recognise ("Caja 1", "Entrance"). */
export const RenameDeviceRequest = z.strictObject({
  name: z.string().trim().min(1).max(60),
});
export type RenameDeviceRequest = z.infer<typeof RenameDeviceRequest>;

/** PUT and DELETE /v1/devices/{deviceId} */
export const DeviceResponse = z.strictObject({ device: DeviceSummary });
export type DeviceResponse = z.infer<typeof DeviceResponse>;
