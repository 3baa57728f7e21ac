/**
 * Drains the queue to POST /v1/responses in batches of up to 100, with backoff and jitter on failure, and
 * tells the server how the kiosk is doing (queue depth, app version, answers kept aside) with every batch
 * and, while idle, by a heartbeat every few minutes. One sender per browser: every kiosk tab asks for the
 * same Web Lock and only the holder runs the loop; when its tab closes the lock passes to another tab.
 * Other tabs reach it through queue events.
 */
import type { KioskStatus, ResponseResult } from "@sonrisa/shared/schemas/responses";
import { ApiError, sendHeartbeat, submitResponses } from "./api.ts";
import { APP_VERSION } from "./app-version.ts";
import { backoffDelay } from "./backoff.ts";
import { type Device, kvDelete, kvGet, kvSet } from "./db.ts";
import type { QueuedAnswer } from "./db-schema.ts";
import { depth, nextBatch, oldestDraftAge, recoverStaleDrafts, refusedCounts, remove, setAside } from "./queue.ts";
import { emit, subscribe } from "./queue-events.ts";

const LOCK = "sonrisa-sender";
const MAX_BATCH = 100;
/** With nothing to send, look again this often for drafts left behind by a crashed flow. */
const SWEEP_MS = 30_000;
/** An idle kiosk says it is alive this often, so "last seen" means alive. */
const HEARTBEAT_MS = 4 * 60_000;
/**
 * How long a batch carrying the answer of a shopper at the thank-you may take: the verdict must come while
 * the shopper is still there (the thank-you waits a little longer, use-flow.ts). A batch that takes longer is
 * sent again later without it, and that answer can no longer win.
 */
export const PRESENT_TIMEOUT_MS = 8_000;
/** A kick older than this (the sender was busy with another batch) no longer says the shopper is there. */
export const PRESENT_FRESH_MS = 2_000;

type Outcome = "sent" | "retry" | "unpaired" | "too-large";

let started = false;

/** Starts (or queues up for) the single sender. Safe to call more than once. */
export function startSender(): void {
  if (started) return;
  started = true;
  if ("locks" in navigator) void navigator.locks.request(LOCK, senderLoop);
  else void senderLoop();
}

/**
 * Asks the sender, in whichever tab it runs, to send now; `id` goes first, and with `present` its shopper
 * waits at the thank-you: that one batch says so to the server, which lets only such an answer win.
 */
export function kick(id?: string, present = false): void {
  emit({ type: "kick", id, present });
}

/** The server's verdict on one answer, if it comes within `ms`; undefined at once if its batch failed. */
export function waitForResult(id: string, ms: number): Promise<ResponseResult | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(undefined), ms);
    const stop = subscribe((e) => {
      if (e.type === "result" && e.result.id === id) done(e.result);
      else if (e.type === "unsent" && e.ids.includes(id)) done(undefined);
    });
    function done(result: ResponseResult | undefined): void {
      clearTimeout(timer);
      stop();
      resolve(result);
    }
  });
}

interface LoopState {
  attempt: number;
  batchSize: number;
  /** When the server last heard how this kiosk is doing. */
  reportedAt: number;
}

async function senderLoop(): Promise<never> {
  const waker = new Waker();
  const state: LoopState = { attempt: 0, batchSize: MAX_BATCH, reportedAt: 0 };
  for (;;) {
    try {
      await step(waker, state);
    } catch (err) {
      // An unexpected failure (storage, a malformed answer from a proxy) must not end the only sender.
      console.warn("[sonrisa] sender hiccup, retrying", err);
      await waker.sleep(backoffDelay(++state.attempt));
    }
  }
}

/** One turn of the loop: send a batch, or sleep until there is something to send (saying hello meanwhile). */
async function step(waker: Waker, state: LoopState): Promise<void> {
  const device = await kvGet("device");
  if (!device) return waker.sleep(SWEEP_MS);
  const staleAfter = (((await kvGet("config"))?.idleTimeoutSec ?? 20) + 30) * 1000;
  await recoverStaleDrafts(staleAfter);
  const priority = waker.takePriority();
  const batch = await nextBatch(device.storeId, state.batchSize, priority?.id);
  if (batch.length === 0) {
    state.attempt = 0;
    if (Date.now() - state.reportedAt >= HEARTBEAT_MS) await heartbeat(device, state);
    // Wake when the oldest draft would turn stale, so a crashed flow's answer is not left waiting a full sweep.
    const age = await oldestDraftAge();
    const until = Math.min(SWEEP_MS, HEARTBEAT_MS - (Date.now() - state.reportedAt));
    return waker.sleep(
      age === undefined ? Math.max(1_000, until) : Math.min(until, Math.max(1_000, staleAfter - age + 50)),
    );
  }
  // Only a first attempt right after the kick may say the shopper is at the screen: a retry, or a batch that
  // waited behind another, may come after the thank-you is gone.
  const fresh = priority?.present && Date.now() - priority.at <= PRESENT_FRESH_MS;
  const present = fresh && batch.some((b) => b.id === priority.id) ? priority.id : undefined;
  const outcome = await send(device, batch, present);
  if (outcome === "sent") {
    state.attempt = 0;
    state.reportedAt = Date.now();
  } else if (outcome === "too-large") state.batchSize = Math.max(1, Math.floor(state.batchSize / 2));
  else if (outcome === "retry") await waker.sleep(backoffDelay(++state.attempt));
}

/** What the server is told with every batch and heartbeat. */
async function kioskStatus(): Promise<KioskStatus> {
  const [queueDepth, undelivered] = await Promise.all([depth(), refusedCounts()]);
  return {
    queueDepth: Math.min(queueDepth, 1_000_000),
    appVersion: APP_VERSION.slice(0, 40),
    ...(undelivered.length ? { undelivered: undelivered.slice(0, 20) } : {}),
  };
}

async function heartbeat(device: Device, state: LoopState): Promise<void> {
  try {
    await sendHeartbeat(device.deviceToken, await kioskStatus());
    state.reportedAt = Date.now();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) await unpaired(device);
    // Otherwise the next turn tries again; the answers never depend on it.
    state.reportedAt = Date.now() - HEARTBEAT_MS + SWEEP_MS;
  }
}

async function send(device: Device, batch: QueuedAnswer[], present?: string): Promise<Outcome> {
  let results: ResponseResult[] | undefined;
  try {
    const extra = { kiosk: await kioskStatus(), ...(present ? { present } : {}) };
    const items = batch.map((b) => b.item);
    results = (await submitResponses(device.deviceToken, items, extra, present ? PRESENT_TIMEOUT_MS : undefined))
      ?.results;
  } catch (err) {
    emit({ type: "unsent", ids: batch.map((b) => b.id) });
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) return unpaired(device);
    return err.status === 413 ? "too-large" : "retry";
  }
  const ours = new Set(batch.map((b) => b.id));
  const settled = Array.isArray(results) ? results.filter((r) => ours.has(r.id)) : [];
  if (settled.length === 0) {
    emit({ type: "unsent", ids: [...ours] });
    return "retry";
  }
  // Refused answers are kept aside, never deleted unseen: the kiosk reports them with its status.
  const refused = settled.filter((r) => r.status === "rejected");
  for (const r of refused) {
    console.warn(`[sonrisa] answer ${r.id} rejected, kept aside: ${r.error?.code ?? "?"} ${r.error?.message ?? ""}`);
  }
  await setAside(refused.map((r) => ({ id: r.id, code: r.error?.code ?? "unknown" })));
  await remove(settled.filter((r) => r.status !== "rejected").map((r) => r.id));
  const at = new Date().toISOString();
  await kvSet("lastSync", at);
  emit({ type: "synced", at });
  for (const result of settled) emit({ type: "result", result });
  const unsettled = batch.filter((b) => !settled.some((r) => r.id === b.id)).map((b) => b.id);
  if (unsettled.length) emit({ type: "unsent", ids: unsettled });
  return "sent";
}

/** The server no longer knows this device: forget the token, keep every queued answer for after re-pairing. */
async function unpaired(device: Device): Promise<Outcome> {
  const current = await kvGet("device");
  if (current?.deviceToken === device.deviceToken) await kvDelete("device");
  emit({ type: "unpaired" });
  return "unpaired";
}

/** Sleeps until a timeout, a kick or the network coming back; a kick that came while awake is not lost. */
class Waker {
  private pending = false;
  private priority: { id: string; present: boolean; at: number } | undefined;
  private wake: (() => void) | undefined;

  constructor() {
    subscribe((e) => {
      if (e.type !== "kick" && e.type !== "paired") return;
      if (e.type === "kick" && e.id) this.priority = { id: e.id, present: Boolean(e.present), at: Date.now() };
      this.poke();
    });
    addEventListener("online", () => this.poke());
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      this.wake = finish;
      const self = this;
      function finish(): void {
        clearTimeout(timer);
        self.wake = undefined;
        self.pending = false;
        resolve();
      }
    });
  }

  takePriority(): { id: string; present: boolean; at: number } | undefined {
    const priority = this.priority;
    this.priority = undefined;
    return priority;
  }

  private poke(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }
}
