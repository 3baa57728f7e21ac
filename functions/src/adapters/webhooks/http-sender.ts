/**
 * Sends webhooks over HTTPS (plain HTTP only on the local stack), never following redirects. Before connecting it
 * resolves the host and checks every address against the domain's policy (SSRF), then connects to the address it
 * checked, not to a second lookup's answer, so a name that changes its answer in between (DNS rebinding) gains
 * nothing. TLS still verifies the certificate against the host name.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";
import type { WebhookRequest, WebhookSender, WebhookSendResult } from "../../domain/ports/webhook-sender.ts";
import { addressRefusal } from "../../domain/webhook-address.ts";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of a host name, as the system resolver answers. */
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface WebhookSenderOptions {
  /** The local stack: loopback addresses and plain http allowed. */
  allowLoopback: boolean;
  resolve?: Resolve;
}

export function makeWebhookSender(opts: WebhookSenderOptions): WebhookSender {
  const resolve = opts.resolve ?? systemResolve;
  return {
    async send(req: WebhookRequest): Promise<WebhookSendResult> {
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      const url = new URL(req.url);
      if (url.protocol !== "https:" && !(url.protocol === "http:" && opts.allowLoopback)) {
        return { outcome: "refused_address", durationMs: elapsed() };
      }
      const host = url.hostname.replace(/^\[|\]$/g, "");
      let addresses: ResolvedAddress[];
      try {
        addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
      } catch {
        return { outcome: "connection", durationMs: elapsed() };
      }
      if (addresses.length === 0 || addresses.some((a) => addressRefusal(a.address, opts.allowLoopback))) {
        return { outcome: "refused_address", durationMs: elapsed() };
      }
      const pinned = addresses[0]!;
      return post(url, req, pinned, elapsed);
    },
  };
}

function post(
  url: URL,
  req: WebhookRequest,
  pinned: ResolvedAddress,
  elapsed: () => number,
): Promise<WebhookSendResult> {
  // Node asks for one address or, with autoSelectFamily, all of them: either way only the checked one.
  const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: WebhookSendResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    const request = send(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        timeout: req.timeoutMs,
        headers: {
          ...req.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(req.body)),
          "user-agent": "Sonrisa-Webhooks/1",
        },
      },
      (res: IncomingMessage) => {
        // Only the status counts; the body is read and dropped (never logged or stored).
        res.resume();
        finish({ outcome: "answered", status: res.statusCode ?? 0, durationMs: elapsed() });
        res.on("error", () => undefined);
      },
    );
    const deadline = setTimeout(() => {
      finish({ outcome: "timeout", durationMs: elapsed() });
      request.destroy();
    }, req.timeoutMs);
    request.on("timeout", () => {
      finish({ outcome: "timeout", durationMs: elapsed() });
      request.destroy();
    });
    request.on("error", () => finish({ outcome: "connection", durationMs: elapsed() }));
    request.on("close", () => clearTimeout(deadline));
    request.end(req.body);
  });
}
