/** Pairing codes (one use, 15 minutes) and paired kiosks. */
export interface DeviceRecord {
  storeId: string;
  deviceId: string;
  pairedAt: string;
  lastSeenAt?: string;
  /** Kiosk time of the newest answer, for the server's burst check. */
  lastAnswerAt?: string;
}

export interface DeviceRepository {
  /** Saves a new code; false when the code exists already. */
  savePairingCode(code: string, storeId: string, expiresAt: Date): Promise<boolean>;
  peekPairingCode(code: string): Promise<{ storeId: string; expiresAt: string } | undefined>;
  /** Consumes the code and registers the device at once; undefined when the code is unknown, used or expired. */
  pair(code: string, device: DeviceRecord, now: Date): Promise<DeviceRecord | undefined>;
  get(storeId: string, deviceId: string): Promise<DeviceRecord | undefined>;
  /** Records that the device was seen; `lastAnswerAt` only ever moves forward. */
  touch(storeId: string, deviceId: string, seenAt: string, lastAnswerAt?: string): Promise<void>;
}
