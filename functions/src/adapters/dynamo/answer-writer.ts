/**
 * Writes answers exactly once. One transaction per chunk (answer-items.ts) puts each answer under a key
 * derived from its id and claims everything it touches on the values read. A cancelled transaction
 * writes nothing: answers that already exist become `duplicate`, anything else (a concurrent writer)
 * is re-read and retried.
 */
import type { AnswerWriter, PlannedAnswer, WriteOutcome } from "../../domain/ports/answer-writer.ts";
import type { StoreRecord } from "../../domain/ports/store-repository.ts";
import { assignWins } from "../../domain/win-assignment.ts";
import { chunkTransaction } from "./answer-items.ts";
import { readRuleState, type StoredAnswer, storedAnswers } from "./answer-reads.ts";
import type { Table } from "./client.ts";
import { backoff, transactOnce } from "./transact.ts";

export interface WriterOptions {
  chunkSize?: number;
  maxAttempts?: number;
  /** Called with the write units each committed transaction consumed. */
  onConsumed?: (units: number, answers: number) => void;
}

export function makeAnswerWriter(table: Table, options: WriterOptions = {}): AnswerWriter {
  const chunkSize = options.chunkSize ?? 25;
  const maxAttempts = options.maxAttempts ?? 25;

  async function writeChunk(store: StoreRecord, chunk: PlannedAnswer[], today: string, out: Map<string, WriteOutcome>) {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts)
        throw new Error(`Could not store ${pending.length} answers after ${attempt} attempts`);
      const state = await readRuleState(table, store, pending, today);
      const wins = assignWins(pending, state, today, attempt);
      const outcome = await transactOnce(table, chunkTransaction(table, store, pending, wins, state, today));
      if (outcome.committed) {
        options.onConsumed?.(outcome.units, pending.length);
        for (const answer of pending) {
          const win = wins.decisions.get(answer.item.id);
          const surprise =
            win?.outcome === "won" && win.code ? { code: win.code, gift: answer.surprise!.rule.gift.name } : undefined;
          out.set(answer.item.id, surprise ? { status: "stored", surprise } : { status: "stored" });
        }
        return;
      }
      // Answers come first in the transaction, so a failed condition at index i is answer i existing already.
      const existing = new Set(outcome.failed.filter((i) => i < pending.length).map((i) => pending[i]!.item.id));
      if (existing.size === 0) {
        // A concurrent writer holds an item we touch; it may be storing these very answers.
        await backoff(attempt);
        const stored = await storedAnswers(
          table,
          pending.map((a) => a.item.id),
        );
        for (const id of stored.keys()) existing.add(id);
      }
      for (const id of existing) out.set(id, { status: "duplicate" });
      pending = pending.filter((a) => !existing.has(a.item.id));
    }
  }

  return {
    async write(store, answers, today) {
      const out = new Map<string, WriteOutcome>();
      // A cheap read first: retried deliveries are the common duplicate, and they need no transaction.
      const known = await storedAnswers(
        table,
        answers.map((a) => a.item.id),
      );
      const fresh = answers.filter((a) => !known.has(a.item.id));
      for (let i = 0; i < fresh.length; i += chunkSize) {
        await writeChunk(store, fresh.slice(i, i + chunkSize), today, out);
      }
      // Duplicates found by a cancelled transaction (a concurrent first delivery) are looked up too.
      const racedIds = fresh.filter((a) => out.get(a.item.id)?.status === "duplicate").map((a) => a.item.id);
      for (const [id, stored] of racedIds.length ? await storedAnswers(table, racedIds) : []) known.set(id, stored);
      // A retried winner gets its surprise again, so a lost reply never loses the gift.
      for (const [id, stored] of known) out.set(id, duplicateOf(stored, store.storeId));
      return out;
    },
  };
}

function duplicateOf(stored: StoredAnswer, storeId: string): WriteOutcome {
  const s = stored.surprise;
  return s?.outcome === "won" && s.code && s.gift && stored.storeId === storeId
    ? { status: "duplicate", surprise: { code: s.code, gift: s.gift } }
    : { status: "duplicate" };
}
