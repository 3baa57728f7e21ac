/** The `/mail` pages: caught messages as HTML for people and as JSON for tests. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CaughtMail, Mailbox } from "./mail-catcher.ts";
import { baseSecurityHeaders } from "./security-headers.ts";
import type { CaughtSms, SmsBox } from "./sms-catcher.ts";

/**
 * No scripts at all; inline styles for the page and the message. A srcdoc iframe inherits this policy,
 * so a caught HTML message can show its styles and images but never run code.
 */
const mailCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: http: https:; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:32rem;border:1px solid #ccc}
dt{font-weight:600}dd{margin:0 0 .4rem}`;

/**
 * Handles GET /mail, GET /mail/<id>, GET /mail/messages.json (every caught mail with headers and bodies),
 * GET|DELETE /mail/api/messages, GET /mail/api/messages/<id>, POST /mail/clear, and the SMS catcher's
 * GET /mail/sms and GET /mail/sms.json. Only the local stack serves these.
 */
export function makeMailPages(mailbox: Mailbox, smsBox?: SmsBox) {
  return function mailPages(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const path = pathname.replace(/\/+$/, "") || "/mail";
    const method = req.method ?? "GET";
    const reply =
      path.startsWith("/mail/sms") && smsBox ? smsRoute(smsBox, method, path) : route(mailbox, method, path);
    send(res, reply);
  };
}

function smsRoute(box: SmsBox, method: string, path: string): Reply {
  if (method !== "GET" && method !== "HEAD") return { status: 405, type: "text/plain", body: "Method not allowed\n" };
  if (path === "/mail/sms.json")
    return { status: 200, type: "application/json", body: JSON.stringify({ messages: box.list() }) };
  if (path === "/mail/sms") return { status: 200, type: "text/html", body: smsPage(box.list()) };
  return { status: 404, type: "text/plain", body: "No such page\n" };
}

function smsPage(texts: CaughtSms[]): string {
  const rows = texts
    .map(
      (s) => `<tr><td>${escapeHtml(s.to)}</td><td>${escapeHtml(s.text)}</td><td>${escapeHtml(s.receivedAt)}</td></tr>`,
    )
    .join("");
  const table = texts.length
    ? `<table><thead><tr><th>To</th><th>Text</th><th>Received</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No text messages caught yet. SMS follow-ups arrive here.</p>";
  return page("Caught SMS", `<p><a href="/mail">← mail</a></p><h1>Caught SMS (${texts.length})</h1>${table}`, true);
}

interface Reply {
  status: number;
  type?: string;
  body?: string;
  location?: string;
}

function route(mailbox: Mailbox, method: string, path: string): Reply {
  if (path === "/mail/api/messages" && method === "DELETE") {
    mailbox.clear();
    return { status: 204 };
  }
  if (path === "/mail/clear" && method === "POST") {
    mailbox.clear();
    return { status: 303, location: "/mail" };
  }
  if (method !== "GET" && method !== "HEAD") return { status: 405, type: "text/plain", body: "Method not allowed\n" };
  if (path === "/mail") return { status: 200, type: "text/html", body: listPage(mailbox.list()) };
  if (path === "/mail/api/messages" || path === "/mail/messages.json") {
    return { status: 200, type: "application/json", body: JSON.stringify({ messages: mailbox.list() }) };
  }
  const id = /^\/mail\/(api\/messages\/)?([\w-]+)$/.exec(path);
  const mail = id?.[2] ? mailbox.get(id[2]) : undefined;
  if (!mail) return { status: 404, type: "text/plain", body: "No such message\n" };
  if (id?.[1]) return { status: 200, type: "application/json", body: JSON.stringify(mail) };
  return { status: 200, type: "text/html", body: messagePage(mail) };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.body ?? "";
  res.writeHead(reply.status, {
    ...baseSecurityHeaders,
    "content-security-policy": mailCsp,
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    ...(reply.type ? { "content-type": `${reply.type}; charset=utf-8` } : {}),
    ...(reply.location ? { location: reply.location } : {}),
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function page(title: string, body: string, refresh = false): string {
  const meta = refresh ? '<meta http-equiv="refresh" content="5">' : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${meta}<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body>${body}</body></html>`;
}

function listPage(mails: CaughtMail[]): string {
  const rows = mails
    .map(
      (m) => `<tr><td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.to.join(", "))}</td>
<td><a href="/mail/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td><td>${escapeHtml(m.date)}</td></tr>`,
    )
    .join("");
  const table = mails.length
    ? `<table><thead><tr><th>From</th><th>To</th><th>Subject</th><th>Date</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No mail caught yet. Messages the functions send arrive here.</p>";
  const clear = '<form method="post" action="/mail/clear"><button type="submit">Delete all</button></form>';
  const links = '<p><a href="/mail/sms">Text messages (SMS)</a> · <a href="/mail/messages.json">as JSON</a></p>';
  return page("Caught mail", `<h1>Caught mail (${mails.length})</h1>${links}${clear}${table}`, true);
}

function messagePage(mail: CaughtMail): string {
  const fields = [
    ["From", mail.from],
    ["To", mail.to.join(", ")],
    ["Cc", mail.cc.join(", ")],
    ["Subject", mail.subject],
    ["Date", mail.date],
    ["List-Unsubscribe", mail.headers["list-unsubscribe"] ?? ""],
    ["List-Unsubscribe-Post", mail.headers["list-unsubscribe-post"] ?? ""],
  ].filter(([, value]) => value);
  const meta = fields.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v ?? "")}</dd>`).join("");
  const html = mail.html
    ? `<h2>HTML</h2><iframe title="HTML body" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(
        `<base target="_blank">${sanitizeHtml(mail.html)}`,
      )}"></iframe>`
    : "";
  const text = mail.text ? `<h2>Text</h2><pre>${escapeHtml(mail.text)}</pre>` : "";
  return page(mail.subject || "Message", `<p><a href="/mail">← all mail</a></p><dl>${meta}</dl>${html}${text}`);
}

/**
 * Removes active content from a caught message. Defence in depth only: the sandboxed iframe (no
 * allow-scripts, opaque origin) and the page's CSP (no scripts) are what keep a message inert.
 */
export function sanitizeHtml(html: string): string {
  return html
    .replace(/<(script|iframe|object|embed|frame|frameset|applet|noscript)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\/?(script|iframe|object|embed|frame|frameset|applet|meta|base|link|form)\b[^>]*>/gi, "")
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/(href|src|action|xlink:href)\s*=\s*(["']?)\s*(javascript|vbscript):[^"'\s>]*\2/gi, '$1="#"');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
