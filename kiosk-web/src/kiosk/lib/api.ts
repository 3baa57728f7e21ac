/** The few API calls the kiosk makes, on the same origin. Failures become an ApiError with the HTTP status (0 = no network). */
import type { PairResponse, StaffLoginResponse } from "@sonrisa/shared/schemas/auth";
import type { KioskStatus, ResponseItem, SubmitResponsesResponse } from "@sonrisa/shared/schemas/responses";
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { ApiError, apiFetch, apiJson } from "../../common/http.ts";

export { ApiError };

/** A hanging server must not hold the queue forever; the answer stays queued and is retried. */
const TIMEOUT_MS = 15_000;

function call<T>(method: string, path: string, body?: unknown, token?: string, timeoutMs = TIMEOUT_MS): Promise<T> {
  return apiJson<T>(method, path, { body, token, timeoutMs });
}

export function pairDevice(code: string): Promise<PairResponse> {
  return call("POST", "/v1/devices/pair", { code });
}

/** The store's config and its ETag; undefined when it has not changed since `etag` (a 304). */
export async function getKioskConfig(
  deviceToken: string,
  etag?: string,
): Promise<{ config: KioskConfig; etag?: string } | undefined> {
  try {
    const res = await apiFetch("GET", "/v1/kiosk/config", {
      token: deviceToken,
      timeoutMs: TIMEOUT_MS,
      headers: etag ? { "if-none-match": etag } : undefined,
    });
    return { config: (await res.json()) as KioskConfig, etag: res.headers.get("etag") ?? undefined };
  } catch (err) {
    if (err instanceof ApiError && err.status === 304) return undefined;
    throw err;
  }
}

/**
 * Sends a batch with the kiosk's status; `present` names the answer whose shopper waits at the thank-you
 * (only it may win), and such a batch gets `timeoutMs`, so the verdict comes while the shopper is there.
 */
export function submitResponses(
  deviceToken: string,
  responses: ResponseItem[],
  extra: { kiosk: KioskStatus; present?: string },
  timeoutMs = TIMEOUT_MS,
): Promise<SubmitResponsesResponse> {
  return call("POST", "/v1/responses", { responses, ...extra }, deviceToken, timeoutMs);
}

/** Tells the server an idle kiosk is alive, with its status. */
export function sendHeartbeat(deviceToken: string, status: KioskStatus): Promise<void> {
  return call("POST", "/v1/kiosk/heartbeat", status, deviceToken);
}

/** The kiosk revokes its own token when staff unpair it, so the token it forgets is refused by the server too. */
export function revokeOwnDevice(deviceToken: string, deviceId: string): Promise<unknown> {
  return call("DELETE", `/v1/devices/${encodeURIComponent(deviceId)}`, undefined, deviceToken, 5_000);
}

/** With the device token, the server counts this kiosk's wrong PINs per device, apart from strangers'. */
export function staffLogin(storeId: string, pin: string, deviceToken?: string): Promise<StaffLoginResponse> {
  return call("POST", "/v1/auth/staff", { storeId, pin }, deviceToken);
}
