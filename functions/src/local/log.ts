/** A small console logger for the local stack itself (the functions log through Powertools). */

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface LocalLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Logs `[sonrisa] message` lines to stderr. `quiet` keeps only errors; LOG_LEVEL=DEBUG shows debug lines.
 * Callers never pass request bodies, tokens or personal data.
 */
export function makeLog(opts: { quiet?: boolean; level?: string } = {}): LocalLog {
  const wanted = (opts.level ?? process.env.LOG_LEVEL ?? "info").toLowerCase() as LogLevel;
  const threshold = opts.quiet ? order.error : (order[wanted] ?? order.info);
  const at = (level: LogLevel) => (message: string) => {
    if (order[level] >= threshold) console.error(`[sonrisa] ${level === "info" ? "" : `${level}: `}${message}`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Name and message of anything thrown, without the request data that may have caused it. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
