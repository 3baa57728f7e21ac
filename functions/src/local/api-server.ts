/**
 * The local origin: `/v1/*` (and the links of messages, `/u/*` and `/r/*`) runs the real Lambda handlers with
 * API Gateway v2 events built from the shared route table (streamed routes as a function URL in RESPONSE_STREAM mode would run them), `/mail` shows
 * caught mail, everything else is the built PWA.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { LINK_PATH_PREFIXES, matchPath, type Route, routes } from "@sonrisa/shared";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { buildContext, buildEvent } from "./api-event.ts";
import { type HttpResult, toHttpResult } from "./api-result.ts";
import {
  installLambdaStreamingGlobals,
  isStreamingHandler,
  LocalResponseStream,
  type StreamingHandler,
} from "./lambda-streaming.ts";
import { describeError, type LocalLog, makeLog } from "./log.ts";
import { makeModuleLoader } from "./module-loader.ts";
import { readBody } from "./read-body.ts";
import { baseSecurityHeaders } from "./security-headers.ts";
import { makeStaticHandler } from "./static-files.ts";
import { handleTestHook, TEST_HOOK_PREFIX } from "./test-hooks.ts";

type PageHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> | void;
type HandlerModule = { handler?: (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown> };

export interface ApiServerOptions {
  /** Where `<handler>.ts` entry files live; default functions/src/handlers. */
  handlersDir?: string;
  /** The built PWA; default kiosk-web/dist. */
  staticDir?: string;
  /** Pages under `/mail` (the mail catcher's); 404 when absent. */
  mailPages?: PageHandler;
  /** Serve the browser tests' hooks under /__test/ (local-stack.ts, test-hooks.ts); never in a deployment. */
  testHooks?: boolean;
  /** API Gateway gives up after 30 s; a handler slower than this gets a 504. Streamed routes get their own. */
  timeoutMs?: number;
  log?: LocalLog;
}

export interface ListeningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export const defaultHandlersDir = fileURLToPath(new URL("../handlers", import.meta.url));
export const defaultStaticDir = fileURLToPath(new URL("../../../kiosk-web/dist", import.meta.url));

/** An http.Server (not yet listening) for the local origin. */
export function createApiServer(opts: ApiServerOptions = {}): Server {
  const log = opts.log ?? makeLog();
  installLambdaStreamingGlobals();
  const handlers = makeModuleLoader<HandlerModule>(opts.handlersDir ?? defaultHandlersDir);
  const serveStatic = makeStaticHandler(opts.staticDir ?? defaultStaticDir);
  const timeoutMs = opts.timeoutMs ?? 29_000;

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const found = findRoute(req.method ?? "GET", url.pathname);
    if (found.status === 404) return sendError(res, 404, "not_found", `No route for ${url.pathname}`);
    if (found.status === 405) {
      const message = `Use ${found.allow} for ${url.pathname}`;
      return sendError(res, 405, "method_not_allowed", message, { allow: found.allow });
    }
    const read = await readBody(req);
    if (!read.ok) {
      const headers: Record<string, string> = read.drained ? {} : { connection: "close" };
      return sendError(res, 413, "payload_too_large", "The request body is over 256 KB", headers);
    }
    const { route, params } = found;
    if (!handlers.exists(route.handler)) {
      return sendError(res, 501, "not_implemented", `Handler ${route.handler} is not written yet`);
    }
    const routeKey = `${route.method} ${route.path}`;
    const event = buildEvent({ req, url, routeKey, pathParameters: params, body: read.body });
    const requestId = event.requestContext.requestId;
    const started = performance.now();
    let result: HttpResult;
    try {
      const mod = await handlers.load(route.handler);
      if (typeof mod.handler !== "function") throw new Error(`${route.handler}.ts does not export a handler`);
      if (isStreamingHandler(mod.handler)) return await stream(mod.handler, route, event, res);
      const context = buildContext(`sonrisa-local-${route.handler}`, timeoutMs);
      const outcome = await withTimeout(mod.handler(event, context), timeoutMs);
      if (outcome === TIMED_OUT) {
        log.error(`${route.handler} timed out after ${timeoutMs} ms (request ${requestId})`);
        return sendError(res, 504, "timeout", "The function did not answer in time");
      }
      result = toHttpResult(outcome);
    } catch (error) {
      log.error(`${route.handler} failed (request ${requestId}): ${describeError(error)}`);
      return sendError(res, 500, "internal", "Internal error");
    }
    const cookies = result.cookies.length > 0 ? { "set-cookie": result.cookies } : {};
    res.writeHead(result.statusCode, {
      ...baseSecurityHeaders,
      ...result.headers,
      ...cookies,
      "apigw-requestid": requestId,
      "content-length": result.body.length,
    });
    res.end(result.body);
    log.debug(`${routeKey} → ${result.statusCode} in ${Math.round(performance.now() - started)} ms`);
  }

  /** Runs a streaming handler: it writes the answer itself, as it goes, until it resolves. */
  async function stream(
    handler: StreamingHandler,
    route: Route,
    event: APIGatewayProxyEventV2,
    res: ServerResponse,
  ): Promise<void> {
    const requestId = event.requestContext.requestId;
    const limitMs = route.stream ? route.stream.timeoutMinutes * 60_000 : timeoutMs;
    const out = new LocalResponseStream(res, { ...baseSecurityHeaders, "x-amzn-requestid": requestId });
    const context = buildContext(`sonrisa-local-${route.handler}`, limitMs);
    const started = performance.now();
    let outcome: unknown;
    try {
      outcome = await withTimeout(handler(event, out, context), limitMs);
    } catch (error) {
      if (out.clientLeft) return log.debug(`${route.handler}: the client left (request ${requestId})`);
      log.error(`${route.handler} failed (request ${requestId}): ${describeError(error)}`);
      if (res.headersSent) out.destroy(error instanceof Error ? error : new Error(String(error)));
      else sendError(res, 500, "internal", "Internal error");
      return;
    }
    if (outcome === TIMED_OUT) {
      log.error(`${route.handler} timed out after ${limitMs} ms (request ${requestId})`);
      if (res.headersSent) return void out.destroy(new Error("timed out"));
      out.destroy();
      return sendError(res, 504, "timeout", "The function did not answer in time");
    }
    // The runtime ends the answer when the handler resolves.
    if (!out.writableEnded) out.end();
    log.debug(`${event.routeKey} → ${res.statusCode} streamed in ${Math.round(performance.now() - started)} ms`);
  }

  const server = createServer((req, res) => {
    const raw = req.url ?? "/";
    const url = new URL(raw.startsWith("/") ? `http://local${raw}` : raw);
    const { pathname } = url;
    const work =
      pathname === "/v1" || pathname.startsWith("/v1/") || LINK_PATH_PREFIXES.some((p) => pathname.startsWith(p))
        ? api(req, res, url)
        : opts.testHooks && pathname.startsWith(TEST_HOOK_PREFIX)
          ? handleTestHook(req, res, pathname)
          : pathname === "/mail" || pathname.startsWith("/mail/")
            ? opts.mailPages
              ? opts.mailPages(req, res, pathname)
              : sendError(res, 404, "not_found", "The mail catcher is not running")
            : serveStatic(req, res, pathname);
    Promise.resolve(work).catch((error: unknown) => {
      log.error(`${req.method} ${pathname} failed: ${describeError(error)}`);
      if (!res.headersSent) sendError(res, 500, "internal", "Internal error");
      else res.destroy();
    });
  });
  // Keep-alive friendly: idle sockets stay open longer than typical client pools expect.
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  return server;
}

type Found =
  | { status: 200; route: Route; params: Record<string, string> }
  | { status: 404 }
  | { status: 405; allow: string };

/** API Gateway semantics: literal segments win over parameters; a known path with another method is a 405. */
function findRoute(method: string, pathname: string): Found {
  const matches: { route: Route; params: Record<string, string> }[] = [];
  for (const route of routes) {
    let params: Record<string, string> | undefined;
    try {
      params = matchPath(route.path, pathname);
    } catch {
      params = undefined; // malformed percent-encoding
    }
    if (params) matches.push({ route, params });
  }
  if (matches.length === 0) return { status: 404 };
  const same = matches.filter((m) => m.route.method === method);
  same.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  const best = same[0];
  if (!best) return { status: 405, allow: [...new Set(matches.map((m) => m.route.method))].join(", ") };
  return { status: 200, ...best };
}

/** Writes the API's error body `{"error": {"code", "message"}}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    ...baseSecurityHeaders,
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

const TIMED_OUT = Symbol("timed out");

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts listening; resolves with the URL once bound. */
export function listen(server: Server, port: number, host = "127.0.0.1"): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
      resolve({ url: `http://${shownHost}:${bound}`, port: bound, server, close: () => closeServer(server) });
    });
  });
}

/** Stops accepting, lets in-flight requests finish (up to 3 s), then drops every connection. */
export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 3_000);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
