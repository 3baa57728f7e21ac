/** One structured logger (Powertools). Never pass request bodies, tokens or personal data to it. */
import { Logger } from "@aws-lambda-powertools/logger";

export const logger = new Logger({
  serviceName: "sonrisa",
  logLevel: (process.env.LOG_LEVEL as "INFO" | "DEBUG" | "WARN" | "ERROR" | undefined) ?? "INFO",
});
