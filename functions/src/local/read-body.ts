/** Reads a request body with API Gateway's cap, without buffering what is over it. */
import type { IncomingMessage } from "node:http";

/** Bodies over 256 KB are refused with 413, as the API contract says. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Beyond this we stop draining and close the connection instead of reading the rest. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export type BodyRead = { ok: true; body: Buffer } | { ok: false; drained: boolean };

/**
 * Resolves with the body, or with `ok: false` once it is over the cap. A body that is only somewhat too
 * large is drained so the keep-alive connection stays usable; a huge one is left unread (`drained: false`).
 */
export function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > DRAIN_LIMIT) return Promise.resolve({ ok: false, drained: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        req.pause();
        resolve({ ok: false, drained: false });
      }
    });
    req.on("end", () => resolve(size > max ? { ok: false, drained: true } : { ok: true, body: Buffer.concat(chunks) }));
    req.on("error", reject);
  });
}
