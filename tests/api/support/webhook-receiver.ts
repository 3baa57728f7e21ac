/**
 * A webhook receiver for tests: an HTTP server on 127.0.0.1 that records every request and verifies its
 * signature the way the Standard Webhooks spec says (HMAC-SHA256 of `id.timestamp.body` with the base64 key after
 * `whsec_`, any of the space-separated `v1,` signatures), written here apart from the product's code; requests
 * whose timestamp is within the spec's 5 minutes of now are also verified with the spec's reference library.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  timestamp: number;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** what the receiver answered */
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers `status` to the next requests, one per entry, then 200 again. */
  failNext(...statuses: number[]): void;
  stop(): Promise<void>;
}

/** Whether any of the header's `v1,` signatures is the HMAC of `id.timestamp.body` under `secret`. */
export function verifiesWith(secret: string, r: Pick<Received, "id" | "timestamp" | "signature" | "body">): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${r.id}.${r.timestamp}.${r.body}`).digest();
  return r.signature.split(" ").some((part) => {
    const [version, value] = part.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Starts a receiver that checks each request against one of `secrets()` (asked at each request). */
export async function startReceiver(secrets: () => string[]): Promise<Receiver> {
  const received: Received[] = [];
  const failures: number[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = {
      "webhook-id": String(req.headers["webhook-id"] ?? ""),
      "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
      "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
    };
    const entry = {
      id: headers["webhook-id"],
      timestamp: Number(headers["webhook-timestamp"]),
      signature: headers["webhook-signature"],
      body,
    };
    const valid = secrets().some((secret) => verifiesWith(secret, entry));
    const recent = Math.abs(Date.now() / 1000 - entry.timestamp) < 240;
    const reference = !recent || secrets().some((secret) => referenceVerifies(secret, body, headers));
    const status = !valid || !reference ? 401 : (failures.shift() ?? 200);
    received.push({ ...entry, payload: JSON.parse(body), status });
    res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "no");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    failNext: (...statuses) => failures.push(...statuses),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function referenceVerifies(secret: string, body: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}
