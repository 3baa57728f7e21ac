/** A minimal JSON client for the local API, with the demo admin's sign-in and device pairing. */

export const DEMO_ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" } as const;

export interface ApiClient {
  /** Sends JSON, returns the parsed body and the time to the last byte; throws on a status other than `expect`. */
  call<T = unknown>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; expect?: number },
  ): Promise<{ json: T; ms: number }>;
  login(email?: string, password?: string): Promise<string>;
  /** Pairs a new kiosk to the store through the real API (admin pairing code, then pair); returns its token. */
  pairDevice(adminToken: string, storeId: string): Promise<{ token: string; deviceId: string }>;
}

export function makeApiClient(baseUrl: string): ApiClient {
  const call: ApiClient["call"] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const expect = opts.expect ?? (method === "POST" && path.endsWith("/pairing-codes") ? 201 : 200);
    if (res.status !== expect) throw new Error(`${method} ${path} → ${res.status} (expected ${expect}): ${text}`);
    return { json: (text ? JSON.parse(text) : undefined) as never, ms };
  };
  return {
    call,
    async login(email = DEMO_ADMIN.email, password = DEMO_ADMIN.password) {
      const { json } = await call<{ token: string }>("POST", "/v1/auth/login", { body: { email, password } });
      return json.token;
    },
    async pairDevice(adminToken, storeId) {
      const path = `/v1/stores/${encodeURIComponent(storeId)}/pairing-codes`;
      const { json: pairing } = await call<{ code: string }>("POST", path, { token: adminToken });
      const { json } = await call<{ deviceToken: string; deviceId: string }>("POST", "/v1/devices/pair", {
        body: { code: pairing.code },
      });
      return { token: json.deviceToken, deviceId: json.deviceId };
    },
  };
}
