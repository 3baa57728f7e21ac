/**
 * A local SMS gateway: catches the text messages the functions send (POST JSON to its URL, which SMS_URL
 * names) and keeps the newest 200 for `/mail/sms`; persisted to `<dataDir>/sms.jsonl` when a data dir is given.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { type LocalLog, makeLog } from "./log.ts";
import { readBody } from "./read-body.ts";

const KEEP = 200;

export interface CaughtSms {
  id: string;
  receivedAt: string;
  to: string;
  text: string;
  reference?: string;
}

export interface SmsBox {
  list(): CaughtSms[];
  clear(): void;
  waitFor(match: (sms: CaughtSms) => boolean, timeoutMs?: number): Promise<CaughtSms>;
}

export interface SmsCatcher {
  url: string;
  box: SmsBox;
  stop(): Promise<void>;
}

export async function startSmsCatcher(opts: { dataDir?: string; log?: LocalLog } = {}): Promise<SmsCatcher> {
  const log = opts.log ?? makeLog();
  const file = opts.dataDir ? join(opts.dataDir, "sms.jsonl") : undefined;
  let texts: CaughtSms[] = file && existsSync(file) ? load(file) : [];
  const waiters = new Set<(sms: CaughtSms) => void>();
  const box: SmsBox = {
    list: () => [...texts],
    clear: () => {
      texts = [];
    },
    waitFor(match, timeoutMs = 10_000) {
      const already = texts.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = (sms: CaughtSms) => {
          if (!match(sms)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(sms);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching SMS within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
  const server = createServer(async (req, res) => {
    const read = await readBody(req, 16 * 1024);
    if (req.method !== "POST" || !read.ok) {
      res.writeHead(req.method !== "POST" ? 405 : 413).end();
      return;
    }
    try {
      const body = JSON.parse(read.body.toString("utf8")) as { to?: unknown; text?: unknown; reference?: unknown };
      if (typeof body.to !== "string" || typeof body.text !== "string") throw new Error("to and text are strings");
      const sms: CaughtSms = {
        id: randomUUID(),
        receivedAt: new Date().toISOString(),
        to: body.to,
        text: body.text,
        ...(typeof body.reference === "string" ? { reference: body.reference } : {}),
      };
      texts = [sms, ...texts].slice(0, KEEP);
      if (file) appendFileSync(file, `${JSON.stringify(sms)}\n`, { mode: 0o600 });
      for (const waiter of waiters) waiter(sms);
      log.info("SMS caught: read it at /mail/sms");
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: sms.id }));
    } catch {
      res.writeHead(400).end();
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}/sms`,
    box,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function load(file: string): CaughtSms[] {
  const out: CaughtSms[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    try {
      if (line.trim()) out.push(JSON.parse(line) as CaughtSms);
    } catch {
      // a line cut by a crash
    }
  }
  return out.reverse().slice(0, KEEP);
}
