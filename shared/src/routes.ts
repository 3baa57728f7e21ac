/**
 * The one route table. The CDK API and the local server both read it, so a route
 * cannot exist in one and not the other. `handler` names the entry file
 * `functions/src/handlers/<handler>.ts`, which exports `handler`.
 */
import type { Role } from "./schemas/common.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface Route {
  method: HttpMethod;
  /** API Gateway style path, parameters in braces. */
  path: string;
  handler: string;
  /** Roles allowed; an empty list means anyone. Store-scoped roles (staff, device) only reach their own store. */
  roles: readonly Role[];
  /**
   * Set when the answer is streamed: written to the client as it is produced, with no size cap but the
   * 200 MB of a streamed Lambda response. Deployed, such a route is served by its function's URL
   * (response streaming), not by the HTTP API, which buffers answers and caps them at 6 MB.
   * `timeoutMinutes` is how long the function may take to write it all.
   */
  stream?: { readonly timeoutMinutes: number };
}

/**
 * The header CloudFront adds to every request it sends to a streamed route's function URL, carrying a
 * secret: the URL itself is public, and the function refuses requests without it (docs/api.md).
 */
export const ORIGIN_SECRET_HEADER = "x-sonrisa-origin-secret";

const anyone: readonly Role[] = [];

export const routes: readonly Route[] = [
  { method: "GET", path: "/v1/health", handler: "get-health", roles: anyone },
  { method: "POST", path: "/v1/auth/login", handler: "login-user", roles: anyone },
  { method: "POST", path: "/v1/auth/staff", handler: "login-staff", roles: anyone },
  { method: "POST", path: "/v1/stores/{storeId}/pairing-codes", handler: "create-pairing-code", roles: ["admin"] },
  { method: "POST", path: "/v1/devices/pair", handler: "pair-device", roles: anyone },
  { method: "GET", path: "/v1/kiosk/config", handler: "get-kiosk-config", roles: ["device"] },
  { method: "POST", path: "/v1/responses", handler: "submit-responses", roles: ["device"] },
  { method: "POST", path: "/v1/kiosk/heartbeat", handler: "post-kiosk-heartbeat", roles: ["device"] },
  { method: "GET", path: "/v1/stores", handler: "list-stores", roles: ["admin", "marketing"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/results",
    handler: "get-store-results",
    roles: ["admin", "marketing", "staff"],
  },
  { method: "GET", path: "/v1/results", handler: "get-all-results", roles: ["admin", "marketing"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/comments",
    handler: "list-comments",
    roles: ["admin", "marketing", "staff"],
  },
  {
    method: "GET",
    path: "/v1/export/responses.csv",
    handler: "export-responses",
    roles: ["admin", "marketing"],
    stream: { timeoutMinutes: 5 },
  },
  { method: "GET", path: "/v1/surprise-rules", handler: "get-surprise-rules", roles: ["admin", "marketing"] },
  { method: "PUT", path: "/v1/surprise-rules", handler: "put-surprise-rules", roles: ["admin", "marketing"] },
  { method: "GET", path: "/v1/stores/{storeId}/gifts", handler: "list-gifts", roles: ["admin", "staff"] },
  { method: "POST", path: "/v1/stores/{storeId}/gifts", handler: "hand-over-gift", roles: ["staff"] },
  { method: "GET", path: "/v1/stores/{storeId}/stock", handler: "get-stock", roles: ["admin", "staff"] },
  { method: "PUT", path: "/v1/stores/{storeId}/stock", handler: "put-stock", roles: ["admin", "staff"] },
  { method: "GET", path: "/v1/stores/{storeId}/today", handler: "get-store-today", roles: ["admin", "staff"] },
];

/** A job run on a schedule; `timeoutMinutes` defaults to 1, `mails` marks jobs that send email. */
export interface Job {
  readonly handler: string;
  readonly everyMinutes: number;
  readonly timeoutMinutes?: number;
  readonly mails?: boolean;
}

/** Jobs run on a schedule (EventBridge in AWS, a timer locally). */
export const jobs: readonly Job[] = [
  { handler: "expire-gifts", everyMinutes: 5 },
  { handler: "roll-up-months", everyMinutes: 60, timeoutMinutes: 15 },
];

/** Turns `/v1/stores/{storeId}/results` into a matcher that yields path parameters. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
}
