/** Reads of aggregates and answers for results, comments and export. Cost grows with the range, not with volume. */
import type { DayItem, MonthRollup } from "../day-aggregate.ts";
import type { Page } from "./page.ts";

/** An ended month's revision (late answers that landed in it) and whether its roll-up is of that revision. */
export interface MonthState {
  month: string;
  rev: number;
  current: boolean;
}

export interface ResultsRepository {
  /** Day items of a store; `consistent` for the roll-up, which must see every committed answer. */
  storeDays(storeId: string, from: string, to: string, opts?: { consistent?: boolean }): Promise<DayItem[]>;
  /** The current roll-ups of a store's months `from`..`to` (YYYY-MM); missing and stale ones are left out. */
  storeMonths(storeId: string, from: string, to: string): Promise<MonthRollup[]>;
  /** Every month of a store with a roll-up or a revision, read consistently. */
  monthStates(storeId: string): Promise<MonthState[]>;
  /** The store's first local day with any aggregate. */
  firstDay(storeId: string): Promise<string | undefined>;
  /** Writes a roll-up made at revision `rev`; false (nothing written) when the month has moved on since. */
  putMonth(rollup: MonthRollup, rolledUpAt: string, rev: number): Promise<boolean>;
  /** Day items of every store over local dates `from`..`to`, with their score and misuse counts only. */
  orgDays(from: string, to: string): Promise<DayItem[]>;
  /** A page of a store's answers with a comment between two instants, newest first. */
  comments(
    storeId: string,
    fromUtc: string,
    toUtc: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Record<string, unknown>>>;
  /** Answers of a store between two instants, oldest first, page by page. */
  answers(storeId: string, months: string[], fromUtc: string, toUtc: string): AsyncGenerator<Record<string, unknown>[]>;
}
