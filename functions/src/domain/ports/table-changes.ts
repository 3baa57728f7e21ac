/** Reads a record of the table's stream as the change it stands for; the stream's format stays in the adapter. */

export type TableChange =
  /**
   * A new answer: its id, and what decides whether anything follows (an opt-in, a member identified at the
   * kiosk, a low score, misuse).
   */
  | { kind: "answer"; answerId: string; score: number; optIn: boolean; misuse: boolean; memberId?: string }
  | {
      kind: "stock";
      storeId: string;
      item: string;
      name: string;
      available: number;
      lowAt: number;
      /** what was available before the change */
      availableBefore: number;
    };

export interface TableChanges {
  /** The change, or undefined for a record no use case reacts to. */
  read(record: unknown): TableChange | undefined;
  /**
   * What handling the record touches that another record's may: its item, and for an answer the person it names
   * (email, phone, social handle, member). Records sharing a key are handled in stream order; others may not be.
   */
  orderKeys(record: unknown): string[];
}
