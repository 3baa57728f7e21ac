/**
 * A local SMTP server that catches every message the functions send (follow-ups, alerts) and keeps the
 * newest 200 for the `/mail` pages and tests; persisted to `<dataDir>/mail.jsonl` when a data dir is given.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { describeError, type LocalLog, makeLog } from "./log.ts";

const KEEP = 200;

/** One caught message. */
export interface CaughtMail {
  id: string;
  receivedAt: string;
  /** SMTP envelope (includes Bcc recipients). */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  date: string;
  text?: string;
  html?: string;
  /** Raw header lines by lower-case name (e.g. `list-unsubscribe`). */
  headers: Record<string, string>;
}

/** Access to caught messages, newest first. */
export interface Mailbox {
  list(): CaughtMail[];
  get(id: string): CaughtMail | undefined;
  clear(): void;
  /** Resolves with the first message (already caught or arriving) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Calls `listener` with every message caught from now on (benches count more than the 200 kept); returns an unsubscribe. */
  subscribe(listener: (mail: CaughtMail) => void): () => void;
}

export interface MailCatcher {
  smtpUrl: string;
  port: number;
  mailbox: Mailbox;
  stop(): Promise<void>;
}

/** Starts the catcher on 127.0.0.1 (free port unless given); no auth, no TLS. */
export async function startMailCatcher(
  opts: { dataDir?: string; port?: number; log?: LocalLog } = {},
): Promise<MailCatcher> {
  const log = opts.log ?? makeLog();
  const file = opts.dataDir ? join(opts.dataDir, "mail.jsonl") : undefined;
  const store = makeMailbox(file ? load(file) : []);
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CaughtMail = {
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: parsed.from?.text ?? "",
            to: addresses(parsed.to),
            cc: addresses(parsed.cc),
            subject: parsed.subject ?? "",
            date: (parsed.date ?? new Date()).toISOString(),
            text: parsed.text,
            html: parsed.html === false ? undefined : parsed.html,
            headers: Object.fromEntries(
              parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()]),
            ),
          };
          store.add(mail);
          if (file) appendFileSync(file, `${JSON.stringify(mail)}\n`, { mode: 0o600 });
          log.info("mail caught: read it at /mail");
          callback();
        })
        .catch((error: unknown) => {
          log.error(`mail catcher could not parse a message: ${describeError(error)}`);
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  server.on("error", (error) => log.error(`mail catcher: ${describeError(error)}`));
  if (file) compact(file, store.list());
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    port,
    mailbox: store,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}

function makeMailbox(initial: CaughtMail[]): Mailbox & { add(mail: CaughtMail): void } {
  let mails = initial.slice(0, KEEP); // newest first
  const waiters = new Set<(mail: CaughtMail) => void>();
  return {
    list: () => [...mails],
    get: (id) => mails.find((m) => m.id === id),
    clear: () => {
      mails = [];
    },
    add(mail) {
      mails = [mail, ...mails].slice(0, KEEP);
      for (const waiter of waiters) waiter(mail);
    },
    subscribe(listener) {
      waiters.add(listener);
      return () => waiters.delete(listener);
    },
    waitFor(match, timeoutMs = 10_000) {
      const already = mails.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = (mail: CaughtMail) => {
          if (!match(mail)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

/** Newest first; a damaged line (e.g. cut by a crash) is skipped. */
function load(file: string): CaughtMail[] {
  if (!existsSync(file)) return [];
  const mails: CaughtMail[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      mails.push(JSON.parse(line) as CaughtMail);
    } catch {
      // skip
    }
  }
  return mails.reverse();
}

/** Rewrites the file with only what we keep, so it never grows past a restart. */
function compact(file: string, newestFirst: CaughtMail[]): void {
  const lines = [...newestFirst].reverse().map((m) => `${JSON.stringify(m)}\n`);
  writeFileSync(file, lines.join(""), { mode: 0o600 });
}
