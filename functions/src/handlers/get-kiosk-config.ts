/**
 * GET /v1/kiosk/config: the paired store's question, scale, reasons, consent and timeouts. The ETag is a
 * digest of the config, so a kiosk that sends it back in If-None-Match gets a bodiless 304 until it changes.
 */
import { getKioskConfig, type KioskDeps } from "../domain/kiosk.ts";
import type { LoyaltyProgramRepository } from "../domain/ports/loyalty-program-repository.ts";
import type { TextHasher } from "../domain/ports/text-hasher.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(
  deps: KioskDeps & { hasher: TextHasher; program: LoyaltyProgramRepository },
): Main<undefined, unknown> {
  return async ({ auth, event }) => {
    const config = await getKioskConfig(deps, auth!);
    const etag = `"${deps.hasher.sha256(JSON.stringify(config)).slice(0, 32)}"`;
    // Revalidated on every use: a changed store reaches its kiosks at their next refresh.
    const headers = { etag, "cache-control": "private, no-cache" };
    const sent = event.headers?.["if-none-match"] ?? "";
    if (sent.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
      return { statusCode: 304, headers, body: "" };
    }
    return json(200, config, headers);
  };
}

export const handler = httpApi("get-kiosk-config", {}, wired(makeMain));
