/**
 * Members, their stamp ledger and rewards, in the member's own partition (one query reads a whole card). Every
 * write is conditional: a member is made once per contact, a code names one member, a visit stamp exists once per
 * member, store and day, a reward is issued on the rewards version read and redeemed once, with the card's
 * rotating code recorded in the same transaction so it never works twice.
 */
import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type {
  DayCounts,
  MemberProfile,
  MemberRepository,
  NewStamp,
  RewardRecord,
  StampRecord,
} from "../../domain/ports/member-repository.ts";
import type { Table } from "./client.ts";
import { dayCounterUpdate } from "./day-counters.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { stampPut as stampItem } from "./stamp-items.ts";
import { type TxItem, transact } from "./transact.ts";

const STAMP_PREFIX = "STAMP#";
const REWARD_PREFIX = "REWARD#";

export function makeMemberRepository(table: Table): MemberRepository {
  const stampPut = (memberId: string, stamp: NewStamp): TxItem => stampItem(table, memberId, stamp);
  const counted = (day: DayCounts): TxItem[] =>
    Object.keys(day.counters).length ? [dayCounterUpdate(table, day.storeId, day.date, day.counters)] : [];

  return {
    async idByCode(code) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.memberCode(code) }));
      return out.Item?.memberId as string | undefined;
    },
    async ledger(memberId) {
      const items = await queryAll(table, keys.memberItems(memberId), { ConsistentRead: true });
      const profile = items.find((i) => i.sk === keys.member(memberId).sk);
      if (!profile) return undefined;
      const stamps = items
        .filter((i) => String(i.sk).startsWith(STAMP_PREFIX))
        .map((i) => ({ ...withoutKeys<StampRecord>(i), stampId: String(i.sk).slice(STAMP_PREFIX.length) }));
      const rewards = items
        .filter((i) => String(i.sk).startsWith(REWARD_PREFIX))
        .map((i) => withoutKeys<RewardRecord>(i));
      return { profile: withoutKeys<MemberProfile>(profile), stamps, rewards };
    },
    async create(profile, join, day) {
      const failed = await transact(table, [
        {
          Update: {
            TableName: table.name,
            Key: keys.contact(profile.contactId),
            UpdateExpression: "SET memberId = :member",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(memberId)",
            ExpressionAttributeValues: { ":member": profile.memberId },
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.memberCode(profile.code), entity: "MemberCode", memberId: profile.memberId },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.member(profile.memberId), entity: "Member", ...profile },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        stampPut(profile.memberId, join),
        ...counted(day),
      ]);
      if (failed === -1) return "created";
      return failed === 1 ? "code-taken" : "exists";
    },
    async addStamp(memberId, stamp, day) {
      return (await transact(table, [stampPut(memberId, stamp), ...counted(day)])) === -1;
    },
    async issue(memberId, reward, expectedVersion) {
      const failed = await transact(table, [
        {
          Update: {
            TableName: table.name,
            Key: keys.member(memberId),
            UpdateExpression: "SET rewardsVersion = :next",
            ConditionExpression: "rewardsVersion = :seen",
            ExpressionAttributeValues: { ":next": expectedVersion + 1, ":seen": expectedVersion },
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.reward(memberId, reward.rewardId), entity: "Reward", memberId, ...reward },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ]);
      return failed === -1;
    },
    async redeem(memberId, reward, r, day) {
      const items: TxItem[] = [
        {
          Update: {
            TableName: table.name,
            Key: keys.reward(memberId, reward.rewardId),
            UpdateExpression:
              "SET #status = :redeemed, redeemedAt = :at, redeemedStore = :store, redeemedBy = :by, #key = :key",
            ConditionExpression: "#status = :issued",
            ExpressionAttributeNames: { "#status": "status", "#key": "key" },
            ExpressionAttributeValues: {
              ":redeemed": "redeemed",
              ":issued": "issued",
              ":at": r.at,
              ":store": r.storeId,
              ":by": r.by,
              ":key": r.key,
            },
          },
        },
        {
          Update: {
            TableName: table.name,
            Key: keys.member(memberId),
            UpdateExpression: "SET otpStep = :step",
            ConditionExpression: "attribute_exists(pk) AND (attribute_not_exists(otpStep) OR otpStep < :step)",
            ExpressionAttributeValues: { ":step": r.step },
          },
        },
        ...counted(day),
      ];
      const stockIndex = items.length;
      if (reward.stockItem) {
        items.push({
          Update: {
            TableName: table.name,
            Key: keys.stock(r.storeId, reward.stockItem),
            UpdateExpression: "ADD quantity :minus",
            ConditionExpression: "quantity > reserved",
            ExpressionAttributeValues: { ":minus": -1 },
          },
        });
      }
      const failed = await transact(table, items);
      if (failed === -1) return "redeemed";
      if (failed === 0) return "not-issued";
      if (failed === 1) return "code-used";
      return failed === stockIndex ? "out-of-stock" : "not-issued";
    },
    async cancel(memberId, rewardId, at, expectedVersion) {
      const failed = await transact(table, [
        {
          Update: {
            TableName: table.name,
            Key: keys.member(memberId),
            UpdateExpression: "SET rewardsVersion = :next",
            ConditionExpression: "rewardsVersion = :seen",
            ExpressionAttributeValues: { ":next": expectedVersion + 1, ":seen": expectedVersion },
          },
        },
        {
          Update: {
            TableName: table.name,
            Key: keys.reward(memberId, rewardId),
            UpdateExpression: "SET #status = :cancelled, cancelledAt = :at",
            ConditionExpression: "#status = :issued",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":cancelled": "cancelled", ":issued": "issued", ":at": at },
          },
        },
      ]);
      return failed === -1;
    },
    async erase(memberId) {
      const profile = (
        await table.doc.send(
          new GetCommand({ TableName: table.name, Key: keys.member(memberId), ConsistentRead: true }),
        )
      ).Item;
      if (!profile) return;
      await table.doc
        .send(
          new DeleteCommand({
            TableName: table.name,
            Key: keys.memberCode(String(profile.code)),
            ConditionExpression: "memberId = :m",
            ExpressionAttributeValues: { ":m": memberId },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== "ConditionalCheckFailedException") throw error;
        });
      await table.doc.send(new DeleteCommand({ TableName: table.name, Key: keys.member(memberId) }));
    },
  };
}
