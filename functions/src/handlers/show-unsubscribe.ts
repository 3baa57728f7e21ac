/** GET /u/{token}: the unsubscribe page, with a button; changes nothing (link scanners follow GETs). */
import { unsubscribePage } from "../domain/link-pages.ts";
import { type LinkDeps, showUnsubscribe } from "../domain/links.ts";
import { html } from "../middleware/html.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: LinkDeps): Main<undefined, unknown> {
  return async ({ params, event }) => {
    const view = await showUnsubscribe(deps, params.token ?? "");
    return html(200, unsubscribePage(view.lang, view.storeName, event.rawPath, view.active));
  };
}

export const handler = httpApi("show-unsubscribe", {}, wired(makeMain));
