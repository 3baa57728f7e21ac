/**
 * The club's part of the demo history: a member joins when the table's stream delivers their opt-in answer
 * (the consumer's own use case, on the moment the answer came in), and redeems a reward at the counter
 * with the code their card shows (the staff console's use case). Ingestion stamps the visits in between.
 */
import { createHash } from "node:crypto";
import { fromBase64Url, otpAt, otpStep } from "@sonrisa/shared/otp";
import { fixedClock } from "../adapters/clock.ts";
import type { Table } from "../adapters/dynamo/client.ts";
import { loadConfig } from "../config.ts";
import { redeemReward, resolveMember } from "../domain/members.ts";
import type { StoreRecord } from "../domain/ports/store-repository.ts";
import { handleTableChange } from "../domain/stream-changes.ts";
import { makeDeps } from "../wiring.ts";
import type { Visit } from "./demo-history-plan.ts";

/** How long after the answer staff scan the card. */
const REDEEM_AFTER_MS = 90_000;

export interface DemoClub {
  /** The stream's handling of the member's joining answer (stored already): contact, consent, member, card. */
  join(visit: Visit): Promise<void>;
  /** The member redeems the reward of `stamps` at the counter; false if the card had no such reward. */
  redeem(store: StoreRecord, visit: Visit, stamps: number): Promise<boolean>;
}

export function demoClub(table: Table): DemoClub {
  const deps = makeDeps(loadConfig({ ...process.env, TABLE_NAME: table.name, SONRISA_MODE: "local" }), table);
  return {
    async join(visit) {
      // The record the stream delivers for the answer's insert: the fields its consumer reads.
      const record = {
        eventName: "INSERT",
        dynamodb: {
          NewImage: {
            entity: { S: "Response" },
            id: { S: visit.item.id },
            score: { N: String(visit.item.score) },
            optIn: { M: {} },
          },
        },
      };
      await handleTableChange({ ...deps, clock: fixedClock(visit.sentAt) }, record);
    },
    async redeem(store, visit, stamps) {
      const at = new Date(Date.parse(visit.sentAt) + REDEEM_AFTER_MS);
      const atCounter = { ...deps, clock: fixedClock(at.toISOString()) };
      const ledger = await resolveMember(atCounter, store, { phone: visit.member?.phone });
      if (!ledger) return false;
      const otp = await otpAt(fromBase64Url(ledger.profile.secret), otpStep(at.getTime()));
      const staff = { role: "staff" as const, sub: `staff:${store.storeId}`, storeId: store.storeId };
      const body = { code: ledger.profile.code, stamps, otp, key: keyOf(visit.item.id) };
      await redeemReward(atCounter, store.storeId, staff, "demo-history", body);
      return true;
    },
  };
}

/** The redemption's idempotency key, from the answer's id: a load run again redeems nothing twice. */
function keyOf(answerId: string): string {
  const h = createHash("sha256").update(`demo-redeem:${answerId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
