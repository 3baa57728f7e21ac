/** Environment of every function, read once and validated at cold start. */
import { z } from "zod";

const Env = z.object({
  TABLE_NAME: z.string().min(1),
  SONRISA_MODE: z.enum(["local", "aws"]).default("aws"),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AUTH_KEY: z.string().min(40).optional(),
  AUTH_SECRET_ARN: z.string().min(1).optional(),
  /** Streamed routes only (behind a function URL): the secret CloudFront sends in ORIGIN_SECRET_HEADER. */
  ORIGIN_SECRET_ARN: z.string().min(1).optional(),
  /** SMTP relay (the local catcher); without it mail goes through SES. */
  SMTP_URL: z.string().optional(),
  /** The local SMS catcher; without it texts go through Amazon SNS. */
  SMS_URL: z.url().optional(),
  /** The SES configuration set whose bounce and complaint events suppress addresses (AWS). */
  SES_CONFIGURATION_SET: z.string().optional(),
  MAIL_FROM: z.string().default("Sonrisa <no-reply@sonrisa.local>"),
  /** Where links in messages point: the product's https origin in AWS, the local server locally. */
  PUBLIC_URL: z.string().optional(),
  /** Local stack only: moves the handlers' clock (tests pick the day and hour they run at). */
  SONRISA_CLOCK_OFFSET_MS: z.coerce.number().int().optional(),
});
export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

/** Throws at cold start with the names of the variables that are missing or wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached) return cached;
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Invalid configuration: check ${names}`);
  }
  if (parsed.data.SONRISA_CLOCK_OFFSET_MS !== undefined && parsed.data.SONRISA_MODE !== "local") {
    throw new Error("Invalid configuration: SONRISA_CLOCK_OFFSET_MS is for the local stack only");
  }
  if (!parsed.data.AUTH_KEY && !parsed.data.AUTH_SECRET_ARN) {
    throw new Error("Invalid configuration: set AUTH_KEY (local) or AUTH_SECRET_ARN (AWS)");
  }
  cached = parsed.data;
  return cached;
}
