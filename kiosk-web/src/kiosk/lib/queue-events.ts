/**
 * Events about the queue, delivered to this tab and every other kiosk tab (BroadcastChannel), so whichever
 * tab holds the sender hears about new answers and every tab hears about results and unpairing.
 */
import type { ResponseResult } from "@sonrisa/shared/schemas/responses";

export type QueueEvent =
  | { type: "changed" }
  /** Send now; `id` first, and with `present`, its shopper waits at the thank-you for the verdict. */
  | { type: "kick"; id?: string; present?: boolean }
  | { type: "result"; result: ResponseResult }
  /** A batch went out and came back without results (network, 5xx, timeout): these answers wait for a retry. */
  | { type: "unsent"; ids: string[] }
  | { type: "synced"; at: string }
  | { type: "unpaired" }
  | { type: "paired" };

type Listener = (event: QueueEvent) => void;

const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("sonrisa-queue") : undefined;
channel?.addEventListener("message", (e: MessageEvent<QueueEvent>) => deliver(e.data));

function deliver(event: QueueEvent): void {
  for (const listener of listeners) listener(event);
}

/** Tells this tab and the others. */
export function emit(event: QueueEvent): void {
  deliver(event);
  channel?.postMessage(event);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyQueueChanged(): void {
  emit({ type: "changed" });
}
