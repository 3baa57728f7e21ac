/** GET /v1/contacts/{contactId}/export (admin): everything held about the person, as a JSON download. */
import { type ContactDeps, exportContact } from "../domain/contacts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ContactDeps): Main<undefined, unknown> {
  return async ({ params }) => {
    const data = await exportContact(deps, params.contactId ?? "");
    const name = `sonrisa-contact-${data.contact.contactId}.json`;
    return json(200, data, { "content-disposition": `attachment; filename="${name}"` });
  };
}

export const handler = httpApi("export-contact", {}, wired(makeMain));
