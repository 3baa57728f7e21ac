/**
 * Whether a kiosk is alive, from when the server last heard from it: a kiosk syncs after each answer and
 * sends a heartbeat every few minutes while idle, so silence longer than this means it is offline.
 */
import type { DeviceSummary } from "./api.ts";

export const ONLINE_WITHIN_MS = 10 * 60_000;

export type KioskState =
  | { kind: "revoked"; since: string }
  | { kind: "online" }
  | { kind: "offline"; since: string }
  | { kind: "never" };

export function kioskState(device: DeviceSummary, now: number): KioskState {
  if (device.revokedAt) return { kind: "revoked", since: device.revokedAt };
  if (!device.lastSeenAt) return { kind: "never" };
  return now - Date.parse(device.lastSeenAt) <= ONLINE_WITHIN_MS
    ? { kind: "online" }
    : { kind: "offline", since: device.lastSeenAt };
}
