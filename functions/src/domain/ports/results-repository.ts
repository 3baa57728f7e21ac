/** Reads of aggregates and answers for results, comments and export. Cost grows with the range, not with volume. */
import type { DayItem, MonthRollup } from "../day-aggregate.ts";
import type { Page } from "./page.ts";

export interface ResultsRepository {
  storeDays(storeId: string, from: string, to: string): Promise<DayItem[]>;
  /** Roll-ups of a store's months `from`..`to` (YYYY-MM) that exist. */
  storeMonths(storeId: string, from: string, to: string): Promise<MonthRollup[]>;
  /** Every month of a store that has a roll-up. */
  rolledUpMonths(storeId: string): Promise<string[]>;
  /** The store's first local day with any aggregate. */
  firstDay(storeId: string): Promise<string | undefined>;
  putMonth(rollup: MonthRollup, rolledUpAt: string): Promise<void>;
  /** Day items of every store over local dates `from`..`to`. */
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
