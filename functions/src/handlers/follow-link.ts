/** GET /r/{token}: counts the click and redirects (302) to the link its rule configured; a forged token is 404. */
import { followLink, type LinkDeps } from "../domain/links.ts";
import { redirect } from "../middleware/html.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: LinkDeps): Main<undefined, unknown> {
  return async ({ params }) => redirect(await followLink(deps, params.token ?? ""));
}

export const handler = httpApi("follow-link", {}, wired(makeMain));
