/** The few API calls the kiosk makes, on the same origin. Failures become an ApiError with the HTTP status (0 = no network). */
import type { PairResponse, StaffLoginResponse } from "@sonrisa/shared/schemas/auth";
import type { ResponseItem, SubmitResponsesResponse } from "@sonrisa/shared/schemas/responses";
import type { KioskConfig } from "@sonrisa/shared/schemas/store";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A hanging server must not hold the queue forever; the answer stays queued and is retried. */
const TIMEOUT_MS = 15_000;

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (err) {
    throw new ApiError(0, "network", err instanceof Error ? err.message : String(err));
  }
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? "http", error?.message ?? res.statusText);
  }
  return data as T;
}

export function pairDevice(code: string): Promise<PairResponse> {
  return call("POST", "/v1/devices/pair", { code });
}

export function getKioskConfig(deviceToken: string): Promise<KioskConfig> {
  return call("GET", "/v1/kiosk/config", undefined, deviceToken);
}

export function submitResponses(deviceToken: string, responses: ResponseItem[]): Promise<SubmitResponsesResponse> {
  return call("POST", "/v1/responses", { responses }, deviceToken);
}

export function staffLogin(storeId: string, pin: string): Promise<StaffLoginResponse> {
  return call("POST", "/v1/auth/staff", { storeId, pin });
}
