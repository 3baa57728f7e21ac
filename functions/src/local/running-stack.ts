/**
 * `npm start` notes where its stack runs in `<dataDir>/running-stack.json` while it is up, so a local
 * command (`npm run demo:history`) can reach its DynamoDB Local instead of opening the same files twice.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface RunningStack {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
}

const fileOf = (dataDir: string) => join(dataDir, "running-stack.json");

export function noteRunningStack(dataDir: string, stack: Omit<RunningStack, "pid">): void {
  writeFileSync(fileOf(dataDir), JSON.stringify({ pid: process.pid, ...stack }, null, 2));
}

export function forgetRunningStack(dataDir: string): void {
  rmSync(fileOf(dataDir), { force: true });
}

/** The stack noted in dataDir, if its process is still alive (a crashed one leaves a stale note). */
export function runningStack(dataDir: string): RunningStack | undefined {
  let noted: RunningStack;
  try {
    noted = JSON.parse(readFileSync(fileOf(dataDir), "utf8")) as RunningStack;
  } catch {
    return undefined;
  }
  try {
    process.kill(noted.pid, 0);
    return noted;
  } catch {
    return undefined;
  }
}
