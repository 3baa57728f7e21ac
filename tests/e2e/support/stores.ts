/** Stores made for a browser test through the real API (as the demo admin), each with an id of its own. */
import { type APIRequestContext, expect } from "@playwright/test";
import { adminToken } from "./kiosk.ts";

/** An English-only stand with 4 faces, open every day; `over` changes any setting. */
export function standSettings(over: Record<string, unknown> = {}) {
  return {
    name: "Sonrisa Pop-up · Expo",
    timeZone: "Europe/London",
    languages: ["en"],
    defaultLang: "en",
    question: { en: "How was our stand?" },
    scale: 4,
    reasons: {
      positive: [{ id: "demo", label: { en: "Great demo" } }],
      neutral: [],
      negative: [{ id: "queue", label: { en: "Long queue" } }],
    },
    optIn: { enabled: false, prompt: { en: "Join our list" }, networks: [] },
    consent: { version: "v1", text: { en: "I agree that Sonrisa keeps my e-mail to send me news." } },
    idleTimeoutSec: 20,
    misuseIntervalSec: 0,
    ...over,
  };
}

/** A store id no other test uses. */
export function uniqueStoreId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createStore(request: APIRequestContext, id: string, settings = standSettings()) {
  const res = await request.post("/v1/stores", {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
    data: { id, ...settings },
  });
  expect(res.status(), await res.text()).toBe(201);
}

export async function putStore(request: APIRequestContext, id: string, settings: Record<string, unknown>) {
  const res = await request.put(`/v1/stores/${id}`, {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
    data: settings,
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The kiosks of a store, newest pairing first. */
export async function devicesOf(request: APIRequestContext, storeId: string) {
  const res = await request.get(`/v1/stores/${storeId}/devices`, {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { devices: { deviceId: string; name: string | null; revokedAt: string | null }[] })
    .devices;
}

export async function revokeNewestKiosk(request: APIRequestContext, storeId: string): Promise<void> {
  const [newest] = await devicesOf(request, storeId);
  const res = await request.delete(`/v1/devices/${newest!.deviceId}`, {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** A store-local date `days` from today. */
export function localDate(timeZone: string, days = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
