/** Reads DynamoDB stream records (Lambda's shape, which the local poller copies) as the changes use cases want. */
import type { DynamoDBRecord } from "aws-lambda";
import type { TableChange, TableChanges } from "../../domain/ports/table-changes.ts";
import { keys } from "./keys.ts";

type Image = NonNullable<NonNullable<DynamoDBRecord["dynamodb"]>["NewImage"]>;

const text = (image: Image | undefined, name: string) => image?.[name]?.S;
const num = (image: Image | undefined, name: string) => Number(image?.[name]?.N ?? 0);

export const tableChanges: TableChanges = {
  read(value): TableChange | undefined {
    const record = value as DynamoDBRecord;
    const image = record.dynamodb?.NewImage;
    const entity = text(image, "entity");
    if (record.eventName === "INSERT" && entity === "Response") {
      const answerId = text(image, "id");
      if (!answerId) return undefined;
      // An image without `score` (never written so) counts as low, so the answer is read and judged.
      const score = image?.score?.N ? Number(image.score.N) : 0;
      const memberId = text(image, "memberId");
      return {
        kind: "answer",
        answerId,
        score,
        optIn: Boolean(image?.optIn?.M),
        misuse: Boolean(image?.misuse?.S),
        ...(memberId ? { memberId } : {}),
      };
    }
    if (record.eventName === "MODIFY" && entity === "Stock") {
      const at = keys.storeOfStockKey(text(image, "pk") ?? "", text(image, "sk") ?? "");
      if (!at) return undefined;
      const old = record.dynamodb?.OldImage;
      return {
        kind: "stock",
        storeId: at.storeId,
        item: at.item,
        name: text(image, "name") ?? at.item,
        available: num(image, "quantity") - num(image, "reserved"),
        lowAt: num(image, "lowAt"),
        availableBefore: num(old, "quantity") - num(old, "reserved"),
      };
    }
    return undefined;
  },
  orderKeys(value): string[] {
    const record = value as DynamoDBRecord;
    const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
    const item = record.dynamodb?.Keys;
    const out = [`item:${item?.pk?.S}|${item?.sk?.S}`];
    if (record.eventName !== "INSERT" || text(image, "entity") !== "Response") return out;
    const memberId = text(image, "memberId");
    if (memberId) out.push(`member:${memberId}`);
    const optIn = image?.optIn?.M;
    const email = optIn?.email?.S;
    if (email) out.push(`email:${email.trim().toLowerCase()}`);
    // The last 9 digits: the same phone with or without its country code, before the store's zone normalises it.
    const phone = optIn?.phone?.S?.replace(/\D/g, "");
    if (phone) out.push(`phone:${phone.slice(-9)}`);
    const social = optIn?.social?.M;
    const handle = social?.handle?.S;
    if (handle) out.push(`social:${social?.network?.S}:${handle.trim().replace(/^@/, "").toLowerCase()}`);
    return out;
  },
};
