/** POST /u/{token} with `List-Unsubscribe=One-Click` (RFC 8058): withdraws consent at once, cancels queued messages. */
import { OneClickUnsubscribe } from "@sonrisa/shared/schemas/contacts";
import { unsubscribedPage } from "../domain/link-pages.ts";
import { type LinkDeps, unsubscribe } from "../domain/links.ts";
import { html } from "../middleware/html.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: LinkDeps): Main<unknown, unknown> {
  return async ({ params }) => {
    const view = await unsubscribe(deps, params.token ?? "");
    return html(200, unsubscribedPage(view.lang, view.storeName));
  };
}

export const handler = httpApi("unsubscribe", { body: OneClickUnsubscribe }, wired(makeMain));
