/** POST /v1/contacts/{contactId}/withdrawal (admin): withdraws the contact's consent and cancels its queued messages. */
import { type ContactDeps, withdrawByAdmin } from "../domain/contacts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ContactDeps): Main<undefined, unknown> {
  return async ({ params, auth }) => json(200, await withdrawByAdmin(deps, params.contactId ?? "", auth!));
}

export const handler = httpApi("withdraw-consent", {}, wired(makeMain));
