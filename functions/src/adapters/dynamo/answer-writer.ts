/**
 * Writes answers exactly once. One transaction per chunk (answer-items.ts) puts each answer under a key
 * derived from its id and claims everything it touches on the values read. A cancelled transaction
 * writes nothing: answers that already exist become `duplicate`, a device whose last-answer time moved
 * sends the rest back to be planned again, and anything else (a concurrent writer) is re-read and retried.
 * There is no read before the first attempt: a first delivery, the common case, costs one transaction; a
 * retried one costs a cancelled transaction and a read of the answers it repeats (for their surprises).
 */
import { Unavailable } from "../../domain/errors.ts";
import type {
  AnswerWriter,
  DeviceTouch,
  PlannedAnswer,
  WriteOutcome,
  WriteResult,
} from "../../domain/ports/answer-writer.ts";
import type { StoreRecord } from "../../domain/ports/store-repository.ts";
import { assignWins } from "../../domain/win-assignment.ts";
import { chunkTransaction, MAX_TRANSACTION_ACTIONS } from "./answer-items.ts";
import { readRuleState, type StoredAnswer, storedAnswers } from "./answer-reads.ts";
import type { Table } from "./client.ts";
import { backoff, transactOnce } from "./transact.ts";

export interface WriterOptions {
  chunkSize?: number;
  maxAttempts?: number;
  /** Called with the write units each committed transaction consumed. */
  onConsumed?: (units: number, answers: number) => void;
}

/** What a chunk left behind: the device's last-answer time it committed, or that the device moved. */
type ChunkEnd = { moved: true } | { moved: false; lastAnswerAt: string | undefined };

export function makeAnswerWriter(table: Table, options: WriterOptions = {}): AnswerWriter {
  const chunkSize = options.chunkSize ?? 25;
  const maxAttempts = options.maxAttempts ?? 25;

  async function writeChunk(
    store: StoreRecord,
    chunk: PlannedAnswer[],
    today: string,
    device: DeviceTouch | undefined,
    out: Map<string, WriteOutcome>,
  ): Promise<ChunkEnd> {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      // Conflicts that never settle mean a store too busy for this moment: the kiosk retries later.
      if (attempt >= maxAttempts) throw new Unavailable("busy");
      const state = await readRuleState(table, store, pending, today);
      const wins = assignWins(pending, state, today, attempt);
      const next = device && newest(device.lastAnswerAt, pending);
      const tx = chunkTransaction(table, store, pending, wins, state, today, device && { ...device, next });
      if (tx.items.length > MAX_TRANSACTION_ACTIONS) {
        // Many days, rules and winners in one chunk: write it in halves, one after the other.
        const half = Math.ceil(pending.length / 2);
        const first = await writeChunk(store, pending.slice(0, half), today, device, out);
        if (first.moved) return first;
        const rest = device && { ...device, lastAnswerAt: first.lastAnswerAt };
        return writeChunk(store, pending.slice(half), today, rest, out);
      }
      const outcome = await transactOnce(table, tx.items);
      if (outcome.committed) {
        options.onConsumed?.(outcome.units, pending.length);
        for (const answer of pending) {
          const win = wins.decisions.get(answer.item.id);
          const surprise =
            win?.outcome === "won" && win.code ? { code: win.code, gift: answer.surprise!.rule.gift.name } : undefined;
          out.set(answer.item.id, surprise ? { status: "stored", surprise } : { status: "stored" });
        }
        return { moved: false, lastAnswerAt: next };
      }
      // Answers come first in the transaction, so a failed condition at index i is answer i existing already.
      const existing = new Set(outcome.failed.filter((i) => i < pending.length).map((i) => pending[i]!.item.id));
      for (const id of existing) out.set(id, { status: "duplicate" });
      pending = pending.filter((a) => !existing.has(a.item.id));
      if (tx.deviceIndex !== undefined && outcome.failed.includes(tx.deviceIndex)) return { moved: true };
      // Only a concurrent writer (a claim read before it wrote, or the same day item): read again, retry.
      if (existing.size === 0) await backoff(attempt);
    }
    return { moved: false, lastAnswerAt: device?.lastAnswerAt };
  }

  return {
    async write(store, answers, today, device): Promise<WriteResult> {
      const out = new Map<string, WriteOutcome>();
      let touch = device;
      let moved = false;
      for (let i = 0; i < answers.length && !moved; i += chunkSize) {
        const end = await writeChunk(store, answers.slice(i, i + chunkSize), today, touch, out);
        if (end.moved) moved = true;
        else if (touch) touch = { ...touch, lastAnswerAt: end.lastAnswerAt };
      }
      const committed = [...out.values()].some((o) => o.status === "stored");
      // A retried winner gets its surprise again, so a lost reply never loses the gift.
      const repeated = [...out].filter(([, o]) => o.status === "duplicate").map(([id]) => id);
      for (const [id, stored] of repeated.length ? await storedAnswers(table, repeated) : []) {
        out.set(id, duplicateOf(stored, store.storeId));
      }
      if (moved) return { outcomes: out, deviceMoved: true };
      return committed && touch?.lastAnswerAt !== undefined
        ? { outcomes: out, lastAnswerAt: touch.lastAnswerAt }
        : { outcomes: out };
    },
  };
}

/** The later of the device's last-answer time and the newest answer of the chunk. */
function newest(last: string | undefined, answers: PlannedAnswer[]): string | undefined {
  return answers.reduce<string | undefined>((max, a) => (max === undefined || a.atUtc > max ? a.atUtc : max), last);
}

function duplicateOf(stored: StoredAnswer, storeId: string): WriteOutcome {
  const s = stored.surprise;
  return s?.outcome === "won" && s.code && s.gift && stored.storeId === storeId
    ? { status: "duplicate", surprise: { code: s.code, gift: s.gift } }
    : { status: "duplicate" };
}
