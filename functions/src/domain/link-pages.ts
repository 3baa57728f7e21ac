/**
 * The small pages behind links in messages: the unsubscribe page (a button; a GET changes nothing, since link
 * scanners follow GETs) and its confirmation, in the message's language.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { escapeHtml } from "./templates.ts";

const copy = {
  es: {
    title: "Darse de baja",
    ask: (store: string) => `¿Quieres dejar de recibir mensajes de ${store}?`,
    button: "Darme de baja",
    done: "Te has dado de baja",
    doneText: (store: string) =>
      `${store} no te enviará más mensajes. Si cambias de opinión, vuelve a aceptarlo la próxima vez que nos visites.`,
    already: "Ya no recibes mensajes de esta tienda.",
  },
  en: {
    title: "Unsubscribe",
    ask: (store: string) => `Do you want to stop getting messages from ${store}?`,
    button: "Unsubscribe",
    done: "You are unsubscribed",
    doneText: (store: string) =>
      `${store} will not send you any more messages. Changed your mind? Opt in again on your next visit.`,
    already: "You no longer get messages from this store.",
  },
};

/** Inline styles only (the page's own CSP allows them and nothing else). */
const STYLE =
  "body{font:17px/1.5 system-ui,sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#f6f4ef;color:#1f2328}" +
  "main{max-width:28rem;margin:1rem;padding:2rem;background:#fff;border-radius:16px;box-shadow:0 2px 12px rgba(0,0,0,.08)}" +
  "h1{font-size:1.5rem;margin:0 0 .75rem}button{font:inherit;font-weight:700;padding:.75rem 1.5rem;border:0;border-radius:999px;" +
  "background:#b3261e;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}";

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** GET /u/{token}: asks, with a button that posts the RFC 8058 form to the same address. */
export function unsubscribePage(lang: Lang, storeName: string, action: string, active: boolean): string {
  const c = copy[lang];
  const form = active
    ? `<p>${escapeHtml(c.ask(storeName))}</p><form method="post" action="${escapeHtml(action)}">` +
      `<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${c.button}</button></form>`
    : `<p>${escapeHtml(c.already)}</p>`;
  return page(lang, c.title, `<h1>${c.title}</h1>${form}`);
}

/** POST /u/{token}: done. */
export function unsubscribedPage(lang: Lang, storeName: string): string {
  const c = copy[lang];
  return page(lang, c.done, `<h1>${c.done}</h1><p>${escapeHtml(c.doneText(storeName))}</p>`);
}
