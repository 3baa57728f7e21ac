/**
 * The kiosk's IndexedDB layout, with no imports, so tests and benches can seed or read a queue with the
 * same names the app uses.
 */
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";

export const DB_NAME = "sonrisa-kiosk";
export const DB_VERSION = 1;
export const QUEUE = "queue";
export const KV = "kv";
/** Sendable items of one store, oldest first: ["ready", storeId, readyAt]. */
export const BY_SENDABLE = "by-sendable";
/**
 * Entries by state and last touch: ["draft", touchedAt] finds drafts whose flow died with a crash,
 * ["refused", touchedAt] the answers the server refused, kept aside.
 */
export const BY_DRAFT_AGE = "by-draft-age";

/**
 * One shopper's answer in the queue. A `draft` is the answer of a flow still on screen: it is written at the
 * tap and updated in place step by step, and never sent. `ready` answers are frozen and sent until the server
 * says stored or duplicate, so one answer is one id is one stored response. An answer the server `refused`
 * is kept aside, never sent again and never deleted unseen: the kiosk reports how many it keeps, per error
 * code, with every sync and heartbeat, and staff see them in the dashboard.
 */
export interface QueuedAnswer {
  id: string;
  storeId: string;
  state: "draft" | "ready" | "refused";
  touchedAt: number;
  /** When it may be sent: its freezing, or later for an answer dated ahead of the server's clock. */
  readyAt: number;
  item: ResponseItem;
  /** Why the server refused it (`state: "refused"`). */
  refusal?: string;
}
