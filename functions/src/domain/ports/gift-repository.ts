/** Gifts (won surprises and spontaneous gifts), their hand-over, and a store's gift stock. */
import type { Gift, StockItem } from "@sonrisa/shared/schemas/surprises";
import type { Page } from "./page.ts";

/** The stored gift; `wonAtDate` is the store-local day its code is unique in. */
export type GiftRecord = Omit<Gift, "date"> & { date?: string; stockItem?: string; wonAtDate?: string };

export interface HandOver {
  handedAt: string;
  handedBy: string;
  /** The named staff member signed in, when there is one. */
  handedByStaff?: { staffId: string; name: string };
  /** the local day the hand-over counts on */
  date: string;
}

export interface GiftRepository {
  /** A page of the gifts of the store's local days `from`..`to` (only those in `status`), newest day first. */
  page(
    storeId: string,
    from: string,
    to: string,
    opts: { status?: "pending" | "handed"; cursor?: string; limit: number },
  ): Promise<Page<GiftRecord>>;
  /** A page of the store's pending gifts whose time ran out by `nowUtc`, soonest first (the expiry job's). */
  expiredPending(storeId: string, nowUtc: string, limit: number): Promise<GiftRecord[]>;
  get(storeId: string, date: string, code: string): Promise<GiftRecord | undefined>;
  /** Marks a pending gift handed and takes its item out of stock, atomically; false when it was not pending. */
  handOver(gift: GiftRecord, by: HandOver): Promise<boolean>;
  /** Records a spontaneous gift. */
  addSpontaneous(gift: GiftRecord): Promise<"ok" | "code_taken" | "out_of_stock">;
  /** Marks a pending gift expired and releases its reserved stock. */
  expire(gift: GiftRecord): Promise<boolean>;
  stock(storeId: string): Promise<StockItem[]>;
  putStock(storeId: string, item: Omit<StockItem, "reserved">): Promise<void>;
}
