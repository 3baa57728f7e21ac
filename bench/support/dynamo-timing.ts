/**
 * Where a request's time goes: while installed, every DynamoDB document-client call made in this
 * process (the local stack's handlers run here too) is timed by command name. Bench-only
 * instrumentation: it wraps the shared prototype's `send`, so product code is untouched.
 */
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface CallStats {
  calls: number;
  ms: number;
}

export interface DynamoTiming {
  /** Totals since the last reset, by command name (GetCommand, TransactWriteCommand, …). */
  snapshot(): Map<string, CallStats>;
  reset(): void;
  uninstall(): void;
}

type Send = (command: { constructor: { name: string } }, ...rest: unknown[]) => Promise<unknown>;

export function installDynamoTiming(): DynamoTiming {
  const proto = DynamoDBDocumentClient.prototype as unknown as { send: Send };
  const original = proto.send;
  let stats = new Map<string, CallStats>();
  proto.send = async function timedSend(this: unknown, command, ...rest) {
    const started = performance.now();
    try {
      return await original.call(this, command, ...rest);
    } finally {
      const name = command.constructor.name;
      const s = stats.get(name) ?? { calls: 0, ms: 0 };
      s.calls += 1;
      s.ms += performance.now() - started;
      stats.set(name, s);
    }
  };
  return {
    snapshot: () => new Map([...stats].map(([k, v]) => [k, { ...v }])),
    reset() {
      stats = new Map();
    },
    uninstall() {
      proto.send = original;
    },
  };
}
