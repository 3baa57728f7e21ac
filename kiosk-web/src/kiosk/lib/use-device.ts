/**
 * Whether this kiosk is paired, and its store's config. The config is cached in IndexedDB so the kiosk
 * starts offline; it is refreshed at start and every minute with its ETag (a 304 while the store is
 * unchanged), so a change in the dashboard reaches the kiosk within a minute. A 401 means the device was
 * revoked (on the dashboard, or by its own Unpair on another tab).
 */
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, getKioskConfig, pairDevice, revokeOwnDevice } from "./api.ts";
import { type Device, kvDelete, kvGet, kvSet } from "./db.ts";
import { emit, subscribe } from "./queue-events.ts";

export type DeviceState =
  | { kind: "loading" }
  | { kind: "pairing"; unpaired: boolean }
  | { kind: "no-config"; device: Device }
  | { kind: "ready"; device: Device; config: KioskConfig };

const REFRESH_MS = 60_000;
const RETRY_MS = 5_000;

export function useDevice(): {
  state: DeviceState;
  pair: (code: string) => Promise<void>;
  unpair: () => Promise<void>;
} {
  const [state, setState] = useState<DeviceState>({ kind: "loading" });

  const load = useCallback(async (unpaired = false) => {
    const device = await kvGet("device");
    if (!device) return setState({ kind: "pairing", unpaired });
    const config = await kvGet("config");
    if (config && config.storeId === device.storeId) setState({ kind: "ready", device, config });
    else setState({ kind: "no-config", device });
    await refresh(device);
  }, []);

  const refresh = useCallback(async (device: Device) => {
    try {
      const cached = await kvGet("config");
      const etag = cached?.storeId === device.storeId ? await kvGet("configEtag") : undefined;
      const fresh = await getKioskConfig(device.deviceToken, etag);
      if (!fresh) {
        if (cached) setState((s) => (s.kind === "ready" ? s : { kind: "ready", device, config: cached }));
        return;
      }
      await kvSet("config", fresh.config);
      if (fresh.etag) await kvSet("configEtag", fresh.etag);
      else await kvDelete("configEtag");
      setState({ kind: "ready", device, config: fresh.config });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        await kvDelete("device");
        emit({ type: "unpaired" });
      }
    }
  }, []);

  useEffect(() => {
    void load();
    return subscribe((e) => {
      if (e.type === "unpaired") void load(true);
      if (e.type === "paired") void load();
    });
  }, [load]);

  // Keep the config fresh; without one yet, retry soon.
  useEffect(() => {
    if (state.kind !== "ready" && state.kind !== "no-config") return;
    const timer = setInterval(() => void refresh(state.device), state.kind === "ready" ? REFRESH_MS : RETRY_MS);
    return () => clearInterval(timer);
  }, [state, refresh]);

  const pair = useCallback(async (code: string) => {
    const device = await pairDevice(code);
    await kvSet("device", device);
    emit({ type: "paired" });
  }, []);

  // The server revokes the token first, when it can be reached; offline, the tablet forgets it anyway and an
  // admin can revoke the kiosk on the dashboard's Kiosks page (it is listed there until then).
  const unpair = useCallback(async () => {
    const device = await kvGet("device");
    if (device) await revokeOwnDevice(device.deviceToken, device.deviceId).catch(() => undefined);
    await kvDelete("device");
    await kvDelete("config");
    await kvDelete("configEtag");
    emit({ type: "unpaired" });
  }, []);

  return { state, pair, unpair };
}
