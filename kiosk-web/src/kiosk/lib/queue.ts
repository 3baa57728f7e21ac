/**
 * The answer queue in IndexedDB. Exactly once rests on three rules:
 * 1. An answer is written at the tap, as a `draft` holding just the score, so a crash loses nothing.
 * 2. Later steps update that same draft (same id) and only while it is a draft; `finalize` freezes it
 *    as `ready`. Only ready answers are ever sent, so a sent answer is never changed or sent as a second one.
 * 3. A ready answer leaves the queue only when the server says `stored` or `duplicate`; a retry of the same id
 *    can only ever be a duplicate on the server. One the server `rejected` stays, set aside as `refused`.
 */
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import { db } from "./db.ts";
import { BY_DRAFT_AGE, BY_SENDABLE, QUEUE, type QueuedAnswer } from "./db-schema.ts";
import { notifyQueueChanged } from "./queue-events.ts";

/** Writes a new draft answer: the first thing a tap does. */
export async function addDraft(storeId: string, item: ResponseItem): Promise<void> {
  const entry: QueuedAnswer = { id: item.id, storeId, state: "draft", touchedAt: Date.now(), readyAt: 0, item };
  await (await db()).add(QUEUE, entry);
  notifyQueueChanged();
}

/** Merges later steps into a draft; returns false (and changes nothing) once the answer is frozen. */
export async function updateDraft(id: string, patch: Partial<ResponseItem>): Promise<boolean> {
  const tx = (await db()).transaction(QUEUE, "readwrite");
  const entry = await tx.store.get(id);
  if (entry?.state !== "draft") {
    await tx.done;
    return false;
  }
  await tx.store.put({ ...entry, touchedAt: Date.now(), item: withoutEmpty({ ...entry.item, ...patch }) });
  await tx.done;
  return true;
}

/** Freezes a draft (with a last patch) so the sender may send it. Idempotent. */
export async function finalize(id: string, patch: Partial<ResponseItem> = {}): Promise<void> {
  const tx = (await db()).transaction(QUEUE, "readwrite");
  const entry = await tx.store.get(id);
  if (entry && entry.state === "draft") {
    const item = withoutEmpty({ ...entry.item, ...patch });
    await tx.store.put({ ...entry, item, state: "ready", touchedAt: Date.now(), readyAt: Date.now() });
  }
  await tx.done;
  notifyQueueChanged();
}

/**
 * Drafts untouched for longer than any flow can last belong to a page that crashed or was closed mid-flow:
 * they are frozen as they are, so the tap and whatever followed it are still sent (once).
 */
export async function recoverStaleDrafts(olderThanMs: number): Promise<number> {
  const tx = (await db()).transaction(QUEUE, "readwrite");
  const range = IDBKeyRange.bound(["draft", 0], ["draft", Date.now() - olderThanMs]);
  let recovered = 0;
  for (let cursor = await tx.store.index(BY_DRAFT_AGE).openCursor(range); cursor; cursor = await cursor.continue()) {
    await cursor.update({ ...cursor.value, state: "ready", readyAt: Date.now() });
    recovered++;
  }
  await tx.done;
  return recovered;
}

/** Milliseconds since the oldest draft was last touched, or undefined with no drafts. */
export async function oldestDraftAge(): Promise<number | undefined> {
  const range = IDBKeyRange.bound(["draft", 0], ["draft", Number.MAX_SAFE_INTEGER]);
  const cursor = await (await db()).transaction(QUEUE).store.index(BY_DRAFT_AGE).openCursor(range);
  return cursor ? Date.now() - cursor.value.touchedAt : undefined;
}

/**
 * Up to `limit` ready answers of a store that may be sent now, the `first` one (a live thank-you waiting)
 * ahead of the oldest.
 */
export async function nextBatch(storeId: string, limit: number, first?: string): Promise<QueuedAnswer[]> {
  const tx = (await db()).transaction(QUEUE, "readonly");
  const range = IDBKeyRange.bound(["ready", storeId, 0], ["ready", storeId, Date.now()]);
  const head = first ? await tx.store.get(first) : undefined;
  const batch = head?.state === "ready" && head.storeId === storeId ? [head] : [];
  const rest = await tx.store.index(BY_SENDABLE).getAll(range, limit);
  for (const entry of rest) if (batch.length < limit && entry.id !== head?.id) batch.push(entry);
  await tx.done;
  return batch;
}

/** Removes answers the server has settled. */
export async function remove(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const tx = (await db()).transaction(QUEUE, "readwrite");
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  notifyQueueChanged();
}

/** An answer dated ahead of the server's clock is sent again once that much time has passed. */
const FUTURE_RETRY_MS = 5 * 60_000;

/**
 * Sets aside the answers the server refused, with the reason, instead of deleting them. One refused for being
 * dated ahead of the server (the tablet's clock runs fast) is tried again later rather than set aside.
 */
export async function setAside(refused: Array<{ id: string; code: string }>): Promise<void> {
  if (refused.length === 0) return;
  const tx = (await db()).transaction(QUEUE, "readwrite");
  for (const { id, code } of refused) {
    const entry = await tx.store.get(id);
    if (!entry) continue;
    const now = Date.now();
    await tx.store.put(
      code === "at_in_future"
        ? { ...entry, readyAt: now + FUTURE_RETRY_MS }
        : { ...entry, state: "refused", refusal: code, touchedAt: now },
    );
  }
  await tx.done;
  notifyQueueChanged();
}

/** Answers kept aside, counted per refusal code. */
export async function refusedCounts(): Promise<Array<{ code: string; count: number }>> {
  const range = IDBKeyRange.bound(["refused", 0], ["refused", Number.MAX_SAFE_INTEGER]);
  const entries = await (await db()).getAllFromIndex(QUEUE, BY_DRAFT_AGE, range);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.refusal ?? "unknown", (counts.get(e.refusal ?? "unknown") ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
}

/** Every answer still to be delivered, drafts included (not the ones kept aside). */
export async function depth(): Promise<number> {
  const store = (await db()).transaction(QUEUE).store;
  const [all, refused] = await Promise.all([
    store.count(),
    store.index(BY_DRAFT_AGE).count(IDBKeyRange.bound(["refused", 0], ["refused", Number.MAX_SAFE_INTEGER])),
  ]);
  return all - refused;
}

/** Optional fields left empty by the shopper are not sent at all. */
function withoutEmpty(item: ResponseItem): ResponseItem {
  const out = { ...item };
  if (out.reasons?.length === 0) delete out.reasons;
  if (out.comment !== undefined && out.comment.trim() === "") delete out.comment;
  return out;
}
