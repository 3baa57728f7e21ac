/** GET /v1/cards/{token}: the member's card (stamps, rewards, history, the rotating code's secret); the link is the key. */
import { type CardDeps, getCard } from "../domain/cards.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: CardDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await getCard(deps, params.token ?? ""), { "referrer-policy": "no-referrer" });
}

export const handler = httpApi("get-card", {}, wired(makeMain));
