/** The staff console's API calls, same origin. Failures become an ApiError with the HTTP status (0 = no network). */
import type { StaffLoginResponse } from "@sonrisa/shared/schemas/auth";
import type { Gift, HandOverRequest, StockItem } from "@sonrisa/shared/schemas/surprises";

/** A gift as the API returns it; the list also carries the stock item a hand-over takes from. */
export type StaffGift = Gift & { stockItem?: string };

export type StockRow = StockItem & { available: number; low: boolean };

/** GET /v1/stores/{storeId}/today */
export interface Today {
  storeId: string;
  name: string;
  date: string;
  total: number;
  csat: number | null;
  index: number | null;
  optIns: number;
  gifts: { won: number; handed: number; spontaneous: number };
  pendingGifts: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from a 429's retry-after header. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const TIMEOUT_MS = 15_000;

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
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
    const retry = Number(res.headers.get("retry-after"));
    throw new ApiError(res.status, error?.code ?? "http", error?.message ?? res.statusText, retry || undefined);
  }
  return data as T;
}

export function signInStaff(storeId: string, pin: string): Promise<StaffLoginResponse> {
  return call("POST", "/v1/auth/staff", undefined, { storeId, pin });
}

/**
 * The calls a signed-in console makes, bound to its store and token. A 401 (expired or revoked token) or
 * 403 (a token of another store) calls `onAuthLost` before the error reaches the caller.
 */
export function storeApi(storeId: string, token: string, onAuthLost: () => void) {
  const base = `/v1/stores/${encodeURIComponent(storeId)}`;
  const authed = <T>(method: string, path: string, body?: unknown) =>
    call<T>(method, `${base}${path}`, token, body).catch((err: unknown) => {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) onAuthLost();
      throw err;
    });
  return {
    gifts: (status: "pending" | "handed") =>
      authed<{ gifts: StaffGift[] }>("GET", `/gifts?status=${status}`).then((r) => r.gifts),
    handOver: (request: HandOverRequest) => authed<{ gift: StaffGift }>("POST", "/gifts", request).then((r) => r.gift),
    stock: () => authed<{ items: StockRow[] }>("GET", "/stock").then((r) => r.items),
    putStock: (items: Pick<StockItem, "item" | "name" | "quantity" | "lowAt">[]) =>
      authed<{ items: StockItem[] }>("PUT", "/stock", { items }),
    today: () => authed<Today>("GET", "/today"),
  };
}

export type StoreApi = ReturnType<typeof storeApi>;
