/**
 * The durable side of ingestion: answers planned by the domain (store-local time, misuse, counters,
 * surprise group) go in, and each comes back stored or duplicate, with the surprise it won. The device's
 * last-answer time moves in the same transactions, conditioned on the value the plan was made with.
 */

import type { Localized } from "@sonrisa/shared/schemas/common";
import type { KioskStatus, ResponseItem } from "@sonrisa/shared/schemas/responses";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { Counters } from "../day-aggregate.ts";
import type { StoreRecord } from "./store-repository.ts";

export interface PlannedAnswer {
  item: ResponseItem;
  storeId: string;
  deviceId: string;
  atUtc: string;
  receivedAt: string;
  localDate: string;
  localHour: number;
  misuse: false | "kiosk" | "burst";
  counters: Counters;
  /**
   * Set when a rule applies: the group, whether the shopper was at the screen to see a win (`present`;
   * only such an answer may win), and for a present treatment answer whether the draw says it may.
   */
  surprise?: { rule: SurpriseRule; group: "holdout" | "treatment"; present: boolean; candidate: boolean };
}

/** The device's side of a write: when it was seen, what it reports, and its burst-check clock. */
export interface DeviceTouch {
  deviceId: string;
  seenAt: string;
  status?: KioskStatus;
  /** The device's last-answer time the answers were planned against (undefined: it had none). */
  lastAnswerAt?: string;
}

export interface WriteOutcome {
  status: "stored" | "duplicate";
  surprise?: { code: string; gift: Localized };
}

export interface WriteResult {
  /** Answers settled so far, by id. */
  outcomes: Map<string, WriteOutcome>;
  /**
   * Set when the device's last-answer time was no longer the one planned against (another batch of the
   * same kiosk got in first): the answers not in `outcomes` were not written and must be planned again.
   */
  deviceMoved?: true;
  /** The device's last-answer time once this write committed (set when a transaction updated the device). */
  lastAnswerAt?: string;
}

export interface AnswerWriter {
  /**
   * Stores each answer and everything it touches exactly once; keyed by answer id. With `device`, the
   * device item is updated in the same transactions (seen, status, last-answer time), and only while its
   * last-answer time is still `device.lastAnswerAt`: the burst check and the answers it judged commit
   * together or not at all.
   */
  write(store: StoreRecord, answers: PlannedAnswer[], today: string, device?: DeviceTouch): Promise<WriteResult>;
}
