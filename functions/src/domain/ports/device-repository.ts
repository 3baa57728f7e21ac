/** Pairing codes (one use, 15 minutes) and paired kiosks. */
import type { KioskStatus } from "@sonrisa/shared/schemas/responses";

export interface DeviceRecord {
  storeId: string;
  deviceId: string;
  pairedAt: string;
  /** A name people recognise, set from the dashboard. */
  name?: string;
  lastSeenAt?: string;
  /** Kiosk time of the newest answer, for the server's burst check. */
  lastAnswerAt?: string;
  /** What the kiosk last reported (with a sync or a heartbeat). */
  status?: KioskStatus;
  /** Set when an admin or manager revoked it: its token is refused from then on. */
  revokedAt?: string;
}

export interface DeviceRepository {
  /** Saves a new code; false when the code exists already. */
  savePairingCode(code: string, storeId: string, expiresAt: Date): Promise<boolean>;
  /** The code as made, with `usedAt` once a kiosk paired with it (a used code is kept until it expires). */
  peekPairingCode(code: string): Promise<{ storeId: string; expiresAt: string; usedAt?: string } | undefined>;
  /** Marks the code used and registers the device at once; undefined when the code is unknown, used or expired. */
  pair(code: string, device: DeviceRecord, now: Date): Promise<DeviceRecord | undefined>;
  /** `consistent`: a strongly consistent read (after a write conditioned on the device lost a race). */
  get(storeId: string, deviceId: string, opts?: { consistent?: boolean }): Promise<DeviceRecord | undefined>;
  /** A device by its id alone (the store it belongs to is looked up). */
  find(deviceId: string): Promise<DeviceRecord | undefined>;
  /** Every device of a store, revoked ones included. */
  listByStore(storeId: string): Promise<DeviceRecord[]>;
  /** Sets the name; undefined when the device does not exist. */
  rename(storeId: string, deviceId: string, name: string): Promise<DeviceRecord | undefined>;
  /** Marks the device revoked (the first date stays); undefined when it does not exist. */
  revoke(storeId: string, deviceId: string, at: string): Promise<DeviceRecord | undefined>;
  /** Records that the device was seen (and what it reported); `lastAnswerAt` only ever moves forward. */
  touch(storeId: string, deviceId: string, seenAt: string, lastAnswerAt?: string, status?: KioskStatus): Promise<void>;
}
