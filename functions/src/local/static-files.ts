/**
 * Serves the built PWA (kiosk-web/dist) like CloudFront does in AWS: content types, caching rules,
 * ETags, and the single-page fallbacks of the three apps.
 */
import { createReadStream, existsSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { baseSecurityHeaders, documentHeaders } from "./security-headers.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** Single-page apps: any extension-less path under the prefix falls back to the app's index.html. */
const APPS = ["kiosk", "staff", "dashboard", "card"];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sonrisa: PWA not built</title>
<h1>The kiosk web app is not built yet</h1>
<p>Run <code>npm run build -w kiosk-web</code> (or <code>npm start</code>, which builds it first), then reload.</p>
<p>The API is up: <a href="/v1/health">/v1/health</a>; caught mail: <a href="/mail">/mail</a>.</p>
`;

/** A handler for GET/HEAD of static files under `root`; answers 404 itself when nothing matches. */
export function makeStaticHandler(root: string) {
  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...baseSecurityHeaders, allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("Method not allowed\n");
      return;
    }
    const found = await resolveFile(root, pathname);
    if (!found && !existsSync(root) && extname(pathname) === "") {
      res.writeHead(503, {
        ...documentHeaders,
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-cache",
      });
      res.end(NOT_BUILT);
      return;
    }
    if (!found) {
      res.writeHead(404, { ...baseSecurityHeaders, "content-type": "text/plain; charset=utf-8" });
      res.end("Not found\n");
      return;
    }
    sendFile(req, res, found.file, found.stats, pathname);
  };
}

async function resolveFile(root: string, pathname: string): Promise<{ file: string; stats: Stats } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  if (/\/\.(?!well-known\/)/.test(decoded)) return undefined; // build metadata such as /.vite/ stays private
  const inside = root.endsWith(sep) ? root : root + sep;
  for (const candidate of candidatesFor(decoded)) {
    const file = normalize(join(root, candidate));
    if (!file.startsWith(inside)) return undefined; // no way out of the build directory
    const stats = await stat(file).catch(() => undefined);
    if (stats?.isFile()) return { file, stats };
  }
  return undefined;
}

/** A file path is served as is; a page path tries `<path>/index.html`, then its app's index.html. */
function candidatesFor(decoded: string): string[] {
  if (decoded.endsWith("/")) return [`${decoded}index.html`, ...appFallback(decoded)];
  if (extname(decoded) !== "") return [decoded];
  return [decoded, `${decoded}/index.html`, ...appFallback(decoded)];
}

function appFallback(decoded: string): string[] {
  const app = APPS.find((name) => decoded === `/${name}` || decoded.startsWith(`/${name}/`));
  return app ? [`/${app}/index.html`, "/index.html"] : [];
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, pathname: string): void {
  const ext = extname(file).toLowerCase();
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    ...(ext === ".html" ? documentHeaders : baseSecurityHeaders),
    "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
    "cache-control": cacheControl(pathname, file),
    etag,
    "last-modified": stats.mtime.toUTCString(),
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["content-length"] = stats.size;
  res.writeHead(200, headers);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

/** Hashed build assets never change; documents, the service worker and the manifest must revalidate. */
function cacheControl(pathname: string, file: string): string {
  if (pathname.startsWith("/assets/") || pathname.startsWith("/card-assets/")) {
    return "public, max-age=31536000, immutable";
  }
  const name = file.slice(file.lastIndexOf(sep) + 1);
  if (/\.(html|webmanifest)$/.test(name) || /^(sw|card-sw|registerSW|manifest)\.(js|json)$/.test(name))
    return "no-cache";
  return "public, max-age=3600";
}
