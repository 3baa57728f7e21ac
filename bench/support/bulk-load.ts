/**
 * Loads answers straight through the real answer writer (the transaction ingestion uses, with the
 * same day aggregates), spread evenly over the stores and the last 365 store-local days at opening
 * hours, one store-day per worker at a time so concurrent transactions never touch the same
 * aggregate. Far faster than HTTP, and the table ends up exactly as ingestion would leave it.
 */
import { addDays, localParts, zonedToUtc } from "@sonrisa/shared/time";
import type { AnswerWriter } from "../../functions/src/domain/ports/answer-writer.ts";
import type { StoreRecord } from "../../functions/src/domain/ports/store-repository.ts";
import { makeAnswer, planAnswer, seededRandom } from "./answers.ts";
import { pool, progress } from "./stats.ts";

export const DAYS = 365;
const OPEN_HOUR = 9;
const OPEN_HOURS = 12;
/** Share of answers the kiosk flags as misuse (stored, counted apart). */
const MISUSE = 0.01;

export interface LoadOptions {
  writer: AnswerWriter;
  stores: StoreRecord[];
  answers: number;
  concurrency: number;
  /** Distinguishes the answers of successive loads (device id, random seed). */
  round: number;
  label: string;
}

/** Writes `answers` answers; resolves with the seconds it took. */
export async function bulkLoad(opts: LoadOptions): Promise<number> {
  const now = new Date();
  const tasks = opts.stores.flatMap((store) => {
    const today = localParts(now, store.timeZone).date;
    return Array.from({ length: DAYS }, (_, i) => ({ store, today, date: addDays(today, -i) }));
  });
  const base = Math.floor(opts.answers / tasks.length);
  const extra = opts.answers % tasks.length;
  let written = 0;
  const started = performance.now();
  const report = progress(opts.label);
  await pool(tasks.length, opts.concurrency, async (t) => {
    const { store, today, date } = tasks[t]!;
    const count = base + (t < extra ? 1 : 0);
    if (count === 0) return;
    const random = seededRandom(opts.round * 1_000_003 + t);
    const opening = zonedToUtc(date, OPEN_HOUR, store.timeZone).getTime();
    const deviceId = `bench-loader-${opts.round}`;
    const planned = Array.from({ length: count }, () => {
      const at = new Date(Math.min(now.getTime() - 60_000, opening + random() * OPEN_HOURS * 3_600_000));
      const misuse = random() < MISUSE ? "kiosk" : false;
      return planAnswer(store, deviceId, makeAnswer(random, at), now, misuse);
    });
    await opts.writer.write(store, planned, today);
    written += count;
    report(() => {
      const s = (performance.now() - started) / 1000;
      const rate = written / s;
      const eta = (opts.answers - written) / rate;
      return `${written.toLocaleString("en-US")}/${opts.answers.toLocaleString("en-US")} answers, ${Math.round(rate)}/s, about ${Math.ceil(eta / 60)} min left`;
    });
  });
  return (performance.now() - started) / 1000;
}
