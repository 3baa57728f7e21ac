/**
 * Logs an outage once per burst instead of once per request: the first 503 of a burst is a warning, the
 * rest are counted, and when no 503 has followed for a while one line says how many there were. A
 * database that stops for 30 s under load would otherwise write a stack trace per request.
 */
import { systemClock } from "../adapters/clock.ts";
import { logger } from "../adapters/logger.ts";
import type { Clock } from "../domain/ports/clock.ts";

/** A burst ends after this long without a 503. */
export const QUIET_MS = 30_000;

export interface OutageLog {
  /** One request answered 503 because a dependency was unavailable (`kind`: refused, timed out…). */
  record(kind: string): void;
}

type Write = (message: string, fields: Record<string, unknown>) => void;

export function makeOutageLog(
  clock: Clock = systemClock,
  warn: Write = (m, f) => logger.warn(m, f),
  info: Write = (m, f) => logger.info(m, f),
): OutageLog {
  let burst: { startedAt: Date; lastAt: Date; requests: number; kinds: Set<string> } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    if (!burst) return;
    const { startedAt, lastAt, requests, kinds } = burst;
    burst = undefined;
    info("the database answers again", {
      requests503: requests,
      kinds: [...kinds],
      from: startedAt.toISOString(),
      lastAt: lastAt.toISOString(),
    });
  };
  return {
    record(kind) {
      const now = clock.now();
      if (burst && now.getTime() - burst.lastAt.getTime() > QUIET_MS) close();
      if (!burst) {
        burst = { startedAt: now, lastAt: now, requests: 0, kinds: new Set() };
        warn("the database is unavailable: answering 503 with Retry-After until it is back", { kind });
      }
      burst.requests += 1;
      burst.kinds.add(kind);
      burst.lastAt = now;
      clearTimeout(timer);
      timer = setTimeout(close, QUIET_MS);
      timer.unref?.();
    },
  };
}

/** The process's one outage log. */
export const outageLog = makeOutageLog();
