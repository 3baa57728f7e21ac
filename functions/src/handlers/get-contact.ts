/** GET /v1/contacts/{contactId}: a contact, its consent ledger, linked answers and messages. */
import { type ContactDeps, getContact } from "../domain/contacts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ContactDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await getContact(deps, params.contactId ?? ""));
}

export const handler = httpApi("get-contact", {}, wired(makeMain));
