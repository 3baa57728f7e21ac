/** GET /v1/contacts?q&cursor&limit: contacts with active consent, newest first; `q` finds one by e-mail, phone or handle. */
import { ContactsQuery } from "@sonrisa/shared/schemas/contacts";
import { type ContactDeps, listContacts } from "../domain/contacts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ContactDeps): Main<undefined, ContactsQuery> {
  return async ({ query }) => json(200, await listContacts(deps, query));
}

export const handler = httpApi("list-contacts", { query: ContactsQuery }, wired(makeMain));
