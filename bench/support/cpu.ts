/**
 * CPU time of this process and of its child processes (DynamoDB Local's Java runs as one), from
 * /proc on Linux, so a bench can say which side was busy. Elsewhere the children read as 0.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export interface CpuReading {
  /** CPU seconds of this Node process (user + system). */
  node: number;
  /** CPU seconds of the direct children whose command is `java`. */
  java: number;
}

function javaChildrenSeconds(): number {
  if (process.platform !== "linux") return 0;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // fields[1] is the parent pid; fields[11] and [12] are utime and stime (man 5 proc, from field 3 on).
      if (comm !== "java" || Number(fields[1]) !== process.pid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / TICKS_PER_SECOND;
}

export function readCpu(): CpuReading {
  const u = process.cpuUsage();
  return { node: (u.user + u.system) / 1e6, java: javaChildrenSeconds() };
}

/** CPU seconds used between two readings. */
export function cpuSince(before: CpuReading): CpuReading {
  const now = readCpu();
  return { node: now.node - before.node, java: now.java - before.java };
}
