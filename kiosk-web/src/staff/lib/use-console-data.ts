/**
 * What the console shows, kept fresh: pending gifts every 5 s (the queue at the counter), today's numbers,
 * stock and hand-overs every 30 s, and all of it at once after staff change something.
 */
import { useCallback, useState } from "preact/hooks";
import type { StaffGift, StockRow, StoreApi, Today } from "./api.ts";
import { localDate } from "./format.ts";
import { usePoll } from "./use-poll.ts";

export interface ConsoleData {
  pending?: StaffGift[];
  /** Today's hand-overs, newest first. */
  handed?: StaffGift[];
  stock?: StockRow[];
  today?: Today;
  /** The last refresh failed; what is shown may be out of date. */
  stale: boolean;
  refresh: () => Promise<void>;
}

const PENDING_EVERY_MS = 5_000;
const OTHERS_EVERY_MS = 30_000;

export function useConsoleData(api: StoreApi): ConsoleData {
  const [pending, setPending] = useState<StaffGift[]>();
  const [handed, setHanded] = useState<StaffGift[]>();
  const [stock, setStock] = useState<StockRow[]>();
  const [today, setToday] = useState<Today>();
  const [stale, setStale] = useState(false);

  const track = useCallback(<T>(work: Promise<T>) => {
    return work.then(
      (value) => {
        setStale(false);
        return value;
      },
      (err: unknown) => {
        setStale(true);
        throw err;
      },
    );
  }, []);

  const loadPending = useCallback(() => track(api.gifts("pending").then(setPending)), [api, track]);
  const loadOthers = useCallback(
    () =>
      track(
        Promise.all([api.today(), api.gifts("handed"), api.stock()]).then(([day, gifts, items]) => {
          setToday(day);
          // The list covers a week; the console shows the store's today (same calendar as this device).
          setHanded(gifts.filter((g) => g.handedAt && localDate(g.handedAt) === day.date));
          setStock(items);
        }),
      ),
    [api, track],
  );

  usePoll(loadPending, PENDING_EVERY_MS);
  usePoll(loadOthers, OTHERS_EVERY_MS);

  const refresh = useCallback(async () => {
    await Promise.all([loadPending(), loadOthers()]).catch(() => undefined);
  }, [loadPending, loadOthers]);

  return { pending, handed, stock, today, stale, refresh };
}
