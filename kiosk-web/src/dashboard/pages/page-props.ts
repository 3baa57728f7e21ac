/** What the shell gives every page it routes to; routes with parameters add them (e.g. `storeId`). */
import type { DashboardApi, Store } from "../lib/api.ts";
import type { DateRange } from "../lib/range.ts";
import type { Session } from "../lib/session.ts";

export interface PageProps {
  api: DashboardApi;
  session: Session;
  /** The stores this user may see. */
  stores: Store[];
  /** The period of the filters, and whether repeated taps count. */
  range: DateRange;
  misuse: boolean;
  /** Replaces the session with a new one (a password change ends the old token). */
  renewSession?: (session: Session) => void;
  /** Loads the store list again (after a store was created, changed or archived). */
  reloadStores?: () => void;
}
