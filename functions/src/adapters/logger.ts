/** One structured logger (Powertools). Never pass request bodies, tokens or personal data to it. */
import { Logger } from "@aws-lambda-powertools/logger";
import type { AuditLog } from "../domain/ports/audit-log.ts";

export const logger = new Logger({
  serviceName: "sonrisa",
  logLevel: (process.env.LOG_LEVEL as "INFO" | "DEBUG" | "WARN" | "ERROR" | undefined) ?? "INFO",
});

/** The domain's audit log port on the same logger; callers pass kinds and counts, never personal data. */
export const auditLog: AuditLog = { warn: (message, fields) => logger.warn(message, fields ?? {}) };
