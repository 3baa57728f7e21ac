/**
 * The durable side of ingestion: answers planned by the domain (store-local time, misuse, counters,
 * surprise group) go in, and each comes back stored or duplicate, with the surprise it won.
 */

import type { Localized } from "@sonrisa/shared/schemas/common";
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
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
  /** Set when a rule applies: the group, and for the treatment group whether the draw says it may win. */
  surprise?: { rule: SurpriseRule; group: "holdout" | "treatment"; candidate: boolean };
}

export interface WriteOutcome {
  status: "stored" | "duplicate";
  surprise?: { code: string; gift: Localized };
}

export interface AnswerWriter {
  /** Stores each answer and everything it touches exactly once; keyed by answer id. */
  write(store: StoreRecord, answers: PlannedAnswer[], today: string): Promise<Map<string, WriteOutcome>>;
}
