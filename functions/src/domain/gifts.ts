/** The staff side of gifts: pending surprises, hand-overs, spontaneous gifts, stock and today's numbers. */
import {
  GIFT_CODE_ALPHABET,
  type Gift,
  type HandOverRequest,
  type PutStockRequest,
  type StockItem,
  type StockRow,
} from "@sonrisa/shared/schemas/surprises";
import { addDays, localParts } from "@sonrisa/shared/time";
import { Conflict, NotFound } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { GiftRecord, GiftRepository } from "./ports/gift-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { StaffRepository } from "./ports/staff-repository.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import { randomString } from "./random.ts";
import { requireStore } from "./stores.ts";

export interface GiftDeps {
  stores: StoreRepository;
  gifts: GiftRepository;
  clock: Clock;
}

export type StockDeps = Omit<GiftDeps, "clock">;

export const GIFT_HISTORY_DAYS = 7;
/** Gifts per page of the list; a store's pending gifts of one day fit in one page. */
export const GIFT_PAGE = 200;

/**
 * Pending gifts are today's (they expire at the end of the local day); others cover the last week. A page
 * at a time, newest day first, newest first within the page; `cursor` is the next page's.
 */
export async function listGifts(
  deps: GiftDeps,
  storeId: string | undefined,
  status: "pending" | "handed" | "all",
  page: { cursor?: string; limit?: number } = {},
): Promise<{ gifts: Gift[]; cursor: string | null }> {
  const store = await requireStore(deps.stores, storeId);
  const now = deps.clock.now();
  const today = localParts(now, store.timeZone).date;
  const from = status === "pending" ? today : addDays(today, -(GIFT_HISTORY_DAYS - 1));
  const found = await deps.gifts.page(store.storeId, from, today, {
    ...(status === "all" ? {} : { status }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
    limit: page.limit ?? GIFT_PAGE,
  });
  const live = found.items.map((g) =>
    g.status === "pending" && Date.parse(g.expiresAt) <= now.getTime() ? { ...g, status: "expired" as const } : g,
  );
  const wanted = status === "all" ? live : live.filter((g) => g.status === status);
  const gifts = wanted.sort((a, b) => (b.handedAt ?? b.wonAt).localeCompare(a.handedAt ?? a.wonAt)).map(publicGift);
  return { gifts, cursor: found.cursor ?? null };
}

/** The staff member's name is the signed-in named member's when there is one, else what the console typed. */
export async function handOverGift(
  deps: GiftDeps & { staff: StaffRepository },
  storeId: string | undefined,
  staff: Principal,
  request: HandOverRequest,
): Promise<Gift> {
  const store = await requireStore(deps.stores, storeId);
  const now = deps.clock.now();
  const today = localParts(now, store.timeZone).date;
  const member = staff.staffId ? await deps.staff.member(store.storeId, staff.staffId) : undefined;
  const name = member?.name ?? request.staffName;
  const handedBy = name ? `${staff.sub} (${name})` : staff.sub;
  const handedByStaff = member ? { staffId: member.staffId, name: member.name } : undefined;
  if (request.kind === "surprise") {
    const gift = await deps.gifts.get(store.storeId, today, request.code);
    if (!gift) throw new NotFound(`No gift with code ${request.code} today`);
    if (gift.status === "expired" || (gift.status === "pending" && Date.parse(gift.expiresAt) <= now.getTime())) {
      throw new Conflict("This gift has expired", "expired");
    }
    if (gift.status !== "pending") throw new Conflict("This gift was already handed over", "already_handed");
    const ok = await deps.gifts.handOver(gift, { handedAt: now.toISOString(), handedBy, handedByStaff, date: today });
    if (!ok) {
      const current = await deps.gifts.get(store.storeId, today, request.code);
      if (current?.status === "pending")
        throw new Conflict(`No ${gift.stockItem ?? "item"} left in stock`, "out_of_stock");
      if (current?.status === "expired") throw new Conflict("This gift has expired", "expired");
      throw new Conflict("This gift was already handed over", "already_handed");
    }
    return publicGift({
      ...gift,
      status: "handed",
      handedAt: now.toISOString(),
      handedBy,
      ...(handedByStaff ? { handedByStaff } : {}),
    });
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const gift: GiftRecord = {
      code: randomString(GIFT_CODE_ALPHABET, 6),
      storeId: store.storeId,
      gift: { es: request.gift, en: request.gift },
      status: "handed",
      kind: "spontaneous",
      wonAt: now.toISOString(),
      wonAtDate: today,
      expiresAt: now.toISOString(),
      handedAt: now.toISOString(),
      handedBy,
      ...(handedByStaff ? { handedByStaff } : {}),
      reason: request.reason,
      ...(request.responseId ? { responseId: request.responseId } : {}),
      ...(request.stockItem ? { stockItem: request.stockItem } : {}),
    };
    const result = await deps.gifts.addSpontaneous(gift);
    if (result === "ok") return publicGift(gift);
    if (result === "out_of_stock") throw new Conflict(`No ${request.stockItem} left in stock`, "out_of_stock");
  }
  throw new Conflict("Could not make a unique gift code; try again");
}

/** The gift as the API shows it: the stored record without its keys, with its local day as `date`. */
function publicGift(g: GiftRecord): Gift {
  const { wonAtDate, pk: _pk, sk: _sk, entity: _e, ttl: _t, ...gift } = g as GiftRecord & Record<string, unknown>;
  return { ...gift, date: wonAtDate ?? g.date } as Gift;
}

/** Pending gifts expired per page of the expiry job. */
const EXPIRY_PAGE = 100;

/**
 * Expires a store's pending gifts whose local day has ended and releases their stock, a page at a time
 * from the index of pending gifts (only pending gifts are on it), until none is left (`finished`) or
 * `enough()` says the run is out of time.
 */
export async function expireGifts(
  deps: Pick<GiftDeps, "gifts" | "clock">,
  store: StoreRecord,
  enough: () => boolean = () => false,
): Promise<{ expired: number; finished: boolean }> {
  const nowUtc = deps.clock.now().toISOString();
  let expired = 0;
  for (;;) {
    const page = await deps.gifts.expiredPending(store.storeId, nowUtc, EXPIRY_PAGE);
    let moved = 0;
    for (const gift of page) if (await deps.gifts.expire(gift)) moved += 1;
    expired += moved;
    // A page none of which could be moved (a concurrent hand-over took them) would repeat forever: stop.
    if (page.length < EXPIRY_PAGE || moved === 0) return { expired, finished: true };
    if (enough()) return { expired, finished: false };
  }
}

/** Stock as staff see it: what is free after reservations for pending surprises, and whether it runs low. */
export function stockView(items: StockItem[]): StockRow[] {
  return items.map((i) => ({ ...i, available: i.quantity - i.reserved, low: i.quantity - i.reserved <= i.lowAt }));
}

export async function storeStock(deps: StockDeps, storeId: string | undefined): Promise<StockRow[]> {
  const store = await requireStore(deps.stores, storeId);
  return stockView(await deps.gifts.stock(store.storeId));
}

/** Sets counted quantities and thresholds; what is reserved for pending surprises stays as it is. */
export async function putStoreStock(
  deps: StockDeps,
  storeId: string | undefined,
  items: PutStockRequest["items"],
): Promise<StockRow[]> {
  const store = await requireStore(deps.stores, storeId);
  for (const item of items) await deps.gifts.putStock(store.storeId, item);
  return stockView(await deps.gifts.stock(store.storeId));
}
