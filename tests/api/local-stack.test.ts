/** The local origin itself: routing, error shapes, body cap, static files and SPA fallbacks, health. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "./harness.ts";

const healthHandlerExists = existsSync(new URL("../../functions/src/handlers/get-health.ts", import.meta.url));

describe("local API server", () => {
  let api: TestApi;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), "sonrisa-static-"));
    mkdirSync(join(staticDir, "kiosk"));
    mkdirSync(join(staticDir, "assets"));
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>home</title>");
    writeFileSync(join(staticDir, "kiosk", "index.html"), "<!doctype html><title>kiosk</title>");
    writeFileSync(join(staticDir, "assets", "kiosk-abc123.js"), "console.log('kiosk');");
    writeFileSync(join(staticDir, "sw.js"), "self.addEventListener('fetch', () => {});");
    api = await startApi({ seed: false, staticDir });
  });

  afterAll(async () => {
    await api?.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it("answers an unknown API path with 404 and the error shape", async () => {
    const res = await api.request("GET", "/v1/no-such-thing");

    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("answers a known path with the wrong method with 405 and the allowed methods", async () => {
    const res = await api.request("DELETE", "/v1/health");

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET");
    expect(res.json.error.code).toBe("method_not_allowed");
  });

  it("refuses a body over 256 KB with 413 before any handler runs", async () => {
    const big = JSON.stringify({ email: "a@b.c", password: "x".repeat(256 * 1024) });

    const res = await api.request("POST", "/v1/auth/login", {
      rawBody: big,
      headers: { "content-type": "application/json" },
    });

    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: { code: "payload_too_large", message: expect.any(String) } });
  });

  it("keeps the connection usable after a 413", async () => {
    await api.request("POST", "/v1/auth/login", { rawBody: "x".repeat(300 * 1024) });

    const res = await api.request("GET", "/v1/no-such-thing");

    expect(res.status).toBe(404);
  });

  it("serves a hashed asset with its content type and long caching", async () => {
    const res = await api.request("GET", "/assets/kiosk-abc123.js");

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toContain("immutable");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves documents and the service worker with no-cache and a CSP on documents", async () => {
    const home = await api.request("GET", "/");
    const sw = await api.request("GET", "/sw.js");

    expect(home.text).toContain("<title>home</title>");
    expect(home.headers["cache-control"]).toBe("no-cache");
    expect(home.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(sw.headers["cache-control"]).toBe("no-cache");
  });

  it("falls back to the kiosk app's index.html for any page under /kiosk", async () => {
    const deep = await api.request("GET", "/kiosk/thanks/anything");
    const bare = await api.request("GET", "/kiosk");

    expect(deep.status).toBe(200);
    expect(deep.text).toContain("<title>kiosk</title>");
    expect(bare.text).toContain("<title>kiosk</title>");
  });

  it("answers a missing file with 404 rather than a page", async () => {
    const res = await api.request("GET", "/kiosk/missing.js");

    expect(res.status).toBe(404);
  });

  it("never serves files outside the build directory", async () => {
    const res = await api.request("GET", "/..%2f..%2fetc%2fpasswd");

    expect(res.status).toBe(404);
  });

  it("answers HEAD for static files without a body", async () => {
    const res = await api.request("HEAD", "/kiosk/index.html");

    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(Number(res.headers["content-length"])).toBeGreaterThan(0);
  });

  it.skipIf(!healthHandlerExists)("reports health once the table answers", async () => {
    const res = await api.request("GET", "/v1/health");

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(res.headers["apigw-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("test harness on the seeded demo organisation", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it("signs in the demo admin, staff of a store, and pairs a device", async () => {
    const admin = await api.login("admin@sonrisa.local", "sonrisa-admin");
    const staff = await api.staffLogin("madrid-centro", "2468");
    const device = await api.pairDevice("madrid-centro");

    expect([admin, staff, device].every((t) => t.split(".").length === 3)).toBe(true);
  });

  it("passes path parameters and the token through to the handler", async () => {
    const token = await api.login("admin@sonrisa.local", "sonrisa-admin");

    const res = await api.request("POST", "/v1/stores/madrid-centro/pairing-codes", { token });
    const anonymous = await api.request("POST", "/v1/stores/madrid-centro/pairing-codes");

    expect(res.status).toBe(201);
    expect(res.json.code).toEqual(expect.any(String));
    expect(anonymous.status).toBe(401);
  });
});
