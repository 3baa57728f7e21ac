/**
 * Drains the queue to POST /v1/responses in batches of up to 100, with backoff and jitter on failure.
 * One sender per browser: every kiosk tab asks for the same Web Lock and only the holder runs the loop;
 * when its tab closes the lock passes to another tab. Other tabs reach it through queue events.
 */
import type { ResponseResult } from "@sonrisa/shared/schemas/responses";
import { ApiError, submitResponses } from "./api.ts";
import { backoffDelay } from "./backoff.ts";
import { type Device, kvDelete, kvGet, kvSet } from "./db.ts";
import type { QueuedAnswer } from "./db-schema.ts";
import { nextBatch, oldestDraftAge, recoverStaleDrafts, remove } from "./queue.ts";
import { emit, subscribe } from "./queue-events.ts";

const LOCK = "sonrisa-sender";
const MAX_BATCH = 100;
/** With nothing to send, look again this often for drafts left behind by a crashed flow. */
const SWEEP_MS = 30_000;

type Outcome = "sent" | "retry" | "unpaired" | "too-large";

let started = false;

/** Starts (or queues up for) the single sender. Safe to call more than once. */
export function startSender(): void {
  if (started) return;
  started = true;
  if ("locks" in navigator) void navigator.locks.request(LOCK, senderLoop);
  else void senderLoop();
}

/** Asks the sender, in whichever tab it runs, to send now; `id` goes first (a thank-you is waiting for it). */
export function kick(id?: string): void {
  emit({ type: "kick", id });
}

/** The server's verdict on one answer, if it comes within `ms`. */
export function waitForResult(id: string, ms: number): Promise<ResponseResult | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(undefined), ms);
    const stop = subscribe((e) => e.type === "result" && e.result.id === id && done(e.result));
    function done(result: ResponseResult | undefined): void {
      clearTimeout(timer);
      stop();
      resolve(result);
    }
  });
}

async function senderLoop(): Promise<never> {
  const waker = new Waker();
  const state = { attempt: 0, batchSize: MAX_BATCH };
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

/** One turn of the loop: send a batch, or sleep until there is something to send. */
async function step(waker: Waker, state: { attempt: number; batchSize: number }): Promise<void> {
  const device = await kvGet("device");
  if (!device) return waker.sleep(SWEEP_MS);
  const staleAfter = (((await kvGet("config"))?.idleTimeoutSec ?? 20) + 30) * 1000;
  await recoverStaleDrafts(staleAfter);
  const batch = await nextBatch(device.storeId, state.batchSize, waker.takePriority());
  if (batch.length === 0) {
    state.attempt = 0;
    // Wake when the oldest draft would turn stale, so a crashed flow's answer is not left waiting a full sweep.
    const age = await oldestDraftAge();
    return waker.sleep(age === undefined ? SWEEP_MS : Math.min(SWEEP_MS, Math.max(1_000, staleAfter - age + 50)));
  }
  const outcome = await send(device, batch);
  if (outcome === "sent") state.attempt = 0;
  else if (outcome === "too-large") state.batchSize = Math.max(1, Math.floor(state.batchSize / 2));
  else if (outcome === "retry") await waker.sleep(backoffDelay(++state.attempt));
}

async function send(device: Device, batch: QueuedAnswer[]): Promise<Outcome> {
  let results: ResponseResult[] | undefined;
  try {
    results = (
      await submitResponses(
        device.deviceToken,
        batch.map((b) => b.item),
      )
    )?.results;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) return unpaired(device);
    return err.status === 413 ? "too-large" : "retry";
  }
  const ours = new Set(batch.map((b) => b.id));
  const settled = Array.isArray(results) ? results.filter((r) => ours.has(r.id)) : [];
  for (const r of settled) {
    if (r.status === "rejected") {
      console.warn(`[sonrisa] answer ${r.id} rejected and dropped: ${r.error?.code ?? "?"} ${r.error?.message ?? ""}`);
    }
  }
  if (settled.length === 0) return "retry";
  await remove(settled.map((r) => r.id));
  const at = new Date().toISOString();
  await kvSet("lastSync", at);
  emit({ type: "synced", at });
  for (const result of settled) emit({ type: "result", result });
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
  private priority: string | undefined;
  private wake: (() => void) | undefined;

  constructor() {
    subscribe((e) => {
      if (e.type !== "kick" && e.type !== "paired") return;
      if (e.type === "kick" && e.id) this.priority = e.id;
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

  takePriority(): string | undefined {
    const id = this.priority;
    this.priority = undefined;
    return id;
  }

  private poke(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }
}
