/** DELETE /v1/contacts/{contactId} (admin): erases the person everywhere; scores and aggregates stay. */
import { type ContactDeps, eraseContact } from "../domain/contacts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ContactDeps): Main<undefined, unknown> {
  return async ({ params, auth }) => json(200, await eraseContact(deps, params.contactId ?? "", auth!));
}

export const handler = httpApi("erase-contact", {}, wired(makeMain));
