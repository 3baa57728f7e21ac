/**
 * Consumed capacity computed the way DynamoDB bills it, because DynamoDB Local's own figures for
 * TransactWriteItems are wrong: it counts items of equal size once (25 answers of 400 B report
 * 2 WCU, the same as one). The meter wraps a document client's `send`, reads every item a write
 * touches before and after (through a second, unmetered client) and applies the sizing rules:
 * standard writes 1 WCU per started KB of the larger of the old and new item, transactional
 * writes 2; each index entry written, deleted or rewritten 1 per started KB of the projected item
 * (ALL projection here). It also keeps what DynamoDB Local reported, to show the difference.
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

export interface CapacityTotals {
  /** Computed write units, base table part (transactional items already doubled). */
  table: number;
  /** Computed write units of index entries (standard rate). */
  indexes: number;
  /** Of the above, what TransactWriteItems consumed (table + indexes). */
  transactions: number;
  /** Computed read units (strongly consistent 1 per 4 KB, eventually 0.5; a missing item costs the minimum). */
  read: number;
  /** What DynamoDB Local itself reported for the writes. */
  reportedWrite: number;
  /** Transactions cancelled (not counted above). */
  cancelled: number;
}

export interface CapacityMeter {
  totals(): CapacityTotals;
  reset(): void;
}

const INDEXES = [
  ["gsi1pk", "gsi1sk"],
  ["gsi2pk", "gsi2sk"],
] as const;

/** Meters everything `doc` sends from now on; `inspect` reads items without being metered. */
export function meterCapacity(doc: DynamoDBDocumentClient, inspect: DynamoDBDocumentClient, table: string) {
  let t = empty();
  const read = async (key: Key): Promise<Item | undefined> =>
    (await inspect.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  /** The write units of changing one item from `before` to `after`: [table part, index part]. */
  function itemWrite(before: Item | undefined, after: Item | undefined): [number, number] {
    const base = Math.max(1, kb(Math.max(size(before), size(after)), 1024));
    let indexes = 0;
    for (const [pk, sk] of INDEXES) {
      const was = before?.[pk] !== undefined && before?.[sk] !== undefined;
      const is = after?.[pk] !== undefined && after?.[sk] !== undefined;
      const moved = was && is && (before![pk] !== after![pk] || before![sk] !== after![sk]);
      if (moved) indexes += kb(size(before), 1024) + kb(size(after), 1024);
      else if (is) indexes += Math.max(1, kb(size(after), 1024));
      else if (was) indexes += Math.max(1, kb(size(before), 1024));
    }
    return [base, indexes];
  }

  const send = doc.send.bind(doc) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  const metered = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name;
    const keys = writeKeys(command);
    const before = await Promise.all(keys.map(read));
    if (keys.length > 0) command.input.ReturnConsumedCapacity = "TOTAL";
    let out: { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> };
    try {
      out = (await send(command)) as typeof out;
    } catch (error) {
      const e = error as Error;
      if (e.name === "TransactionCanceledException") t.cancelled++;
      // A failed conditional write is billed like a write of the existing item.
      if (e.name === "ConditionalCheckFailedException") t.table += Math.max(1, kb(size(before[0]), 1024));
      throw error;
    }
    const reported = out.ConsumedCapacity;
    for (const c of Array.isArray(reported) ? reported : reported ? [reported] : [])
      t.reportedWrite += c.CapacityUnits ?? 0;
    if (keys.length > 0) {
      const after = await Promise.all(keys.map(read));
      const factor = name === "TransactWriteCommand" ? 2 : 1;
      keys.forEach((_, i) => {
        const [base, indexes] = itemWrite(before[i], after[i]);
        t.table += factor * base;
        t.indexes += indexes;
        if (factor === 2) t.transactions += 2 * base + indexes;
      });
    } else {
      const units = await readUnits(command, read); // awaited first: reads run concurrently
      t.read += units;
    }
    return out;
  };
  (doc as unknown as { send: typeof metered }).send = metered;
  return {
    totals: () => ({ ...t }),
    reset() {
      t = empty();
    },
  } satisfies CapacityMeter;
}

/** The keys of the items a write command changes (none for reads). */
function writeKeys(command: { constructor: { name: string }; input: Record<string, unknown> }): Key[] {
  const input = command.input as {
    Item?: Item;
    Key?: Key;
    TransactItems?: Array<Record<string, { Item?: Item; Key?: Key }>>;
  };
  if (command instanceof PutCommand) return [pick(input.Item!)];
  if (command instanceof UpdateCommand) return [input.Key!];
  if (command instanceof TransactWriteCommand) {
    return (input.TransactItems ?? []).flatMap((action) => {
      const op = action.Put ?? action.Update ?? action.Delete;
      return op ? [op.Item ? pick(op.Item) : op.Key!] : [];
    });
  }
  if (/Write|Delete/.test(command.constructor.name))
    throw new Error(`The meter does not know ${command.constructor.name}`);
  return [];
}

async function readUnits(
  command: { input: Record<string, unknown> },
  read: (key: Key) => Promise<Item | undefined>,
): Promise<number> {
  const input = command.input as {
    Key?: Key;
    ConsistentRead?: boolean;
    RequestItems?: Record<string, { Keys: Key[] }>;
  };
  const unit = (item: Item | undefined, consistent: boolean) =>
    Math.max(1, kb(size(item), 4096)) * (consistent ? 1 : 0.5);
  if (command instanceof GetCommand) return unit(await read(input.Key!), Boolean(input.ConsistentRead));
  if (command instanceof BatchGetCommand) {
    const keys = Object.values(input.RequestItems ?? {}).flatMap((r) => r.Keys);
    return (await Promise.all(keys.map(read))).reduce((sum, item) => sum + unit(item, false), 0);
  }
  return 0; // queries are not part of ingestion
}

function pick(item: Item): Key {
  return { pk: item.pk as string, sk: item.sk as string };
}

function empty(): CapacityTotals {
  return { table: 0, indexes: 0, transactions: 0, read: 0, reportedWrite: 0, cancelled: 0 };
}

function kb(bytes: number, unit: number): number {
  return Math.ceil(bytes / unit);
}

function size(item: Item | undefined): number {
  return item ? itemSize(item) : 0;
}

/**
 * An item's size in bytes by DynamoDB's rules: attribute names count as UTF-8; strings as UTF-8;
 * numbers about 1 byte per two significant digits plus 1; booleans and null 1; maps and lists
 * 3 bytes plus 1 per element plus their contents.
 */
export function itemSize(item: Item): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) total += Buffer.byteLength(name) + valueSize(value);
  }
  return total;
}

function valueSize(value: unknown): number {
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value === "number") return numberSize(value);
  if (typeof value === "boolean" || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((s: number, v) => s + 1 + valueSize(v), 0);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((s: number, v) => s + valueSize(v), 0);
  if (typeof value === "object") {
    return 3 + Object.entries(value as object).reduce((s, [k, v]) => s + 1 + Buffer.byteLength(k) + valueSize(v), 0);
  }
  return 0;
}

function numberSize(n: number): number {
  const digits = String(Math.abs(n)).replace(".", "").replace(/e.*$/, "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}
