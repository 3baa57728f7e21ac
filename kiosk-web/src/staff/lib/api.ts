/** The staff console's API calls, same origin. Failures become an ApiError with the HTTP status (0 = no network). */
import type { StaffLoginResponse } from "@sonrisa/shared/schemas/auth";
import type { AddStampResponse, MemberLookup, RedeemResponse } from "@sonrisa/shared/schemas/loyalty";
import { StoreToday } from "@sonrisa/shared/schemas/results";
import type { Gift, HandOverRequest, StockItem, StockRow } from "@sonrisa/shared/schemas/surprises";
import { ApiError, apiJson } from "../../common/http.ts";

/** A gift as the API returns it; the list also carries the stock item a hand-over takes from. */
export type StaffGift = Gift & { stockItem?: string };

export type { StockRow };

/** GET /v1/stores/{storeId}/today */
export type Today = StoreToday;

export { ApiError };

const TIMEOUT_MS = 15_000;

function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  return apiJson<T>(method, path, { token, body, timeoutMs: TIMEOUT_MS });
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
    putStock: (items: Omit<StockItem, "reserved">[]) => authed<{ items: StockItem[] }>("PUT", "/stock", { items }),
    member: (query: { phone: string } | { code: string }) =>
      authed<MemberLookup>("GET", `/members?${new URLSearchParams(query)}`).then((r) => r.member),
    addStamp: (code: string, reason: string, key: string) =>
      authed<AddStampResponse>("POST", "/stamps", { code, reason, key }),
    redeem: (code: string, stamps: number, otp: string, key: string) =>
      authed<RedeemResponse>("POST", "/redemptions", { code, stamps, otp, key }),
    /** Checked against the shared schema: a console that shows wrong numbers is worse than one that says so. */
    today: async () => StoreToday.parse(await authed<unknown>("GET", "/today")),
  };
}

export type StoreApi = ReturnType<typeof storeApi>;
