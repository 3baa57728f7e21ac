/** Stored answers as follow-ups, alerts and erasure read them (ingestion writes them through AnswerWriter). */
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import type { SurpriseDecision } from "../surprises.ts";

export type AnswerRecord = ResponseItem & {
  storeId: string;
  deviceId: string;
  atUtc: string;
  receivedAt: string;
  localDate: string;
  misuse?: "kiosk" | "burst";
  /** the member identified at the kiosk (the phone or code it was identified with is not kept) */
  memberId?: string;
  /** the surprise rule it qualified for: its group, revision and outcome */
  surprise?: SurpriseDecision;
  /** set by an erasure, which removed the opt-in's contact details */
  erasedAt?: string;
};

export interface AnswerRecords {
  /** One answer, read consistently. */
  get(answerId: string): Promise<AnswerRecord | undefined>;
  /** The whole stored item, for a contact's export. */
  raw(answerId: string): Promise<Record<string, unknown> | undefined>;
  /** A store's answers whose tap time lies between two instants (UTC ISO). */
  window(storeId: string, fromUtc: string, toUtc: string): Promise<AnswerRecord[]>;
  /** Removes the opt-in's e-mail, phone and handle (and a member phone) from the answer; scores stay. */
  scrub(answerId: string, at: string): Promise<void>;
}
