/** The security headers of the app, one definition for the local server and CloudFront. */

/**
 * CSP for the Vite + Preact PWA: scripts and styles only from our origin (Vite emits files, no inline
 * code; Preact sets `style` through the CSSOM, which `style-src` does not restrict), the service worker
 * and manifest from our origin, API calls to our origin only (the API is under /v1), and no framing.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The camera stays allowed for scanning member QR codes. */
export const permissionsPolicy = "camera=(self), microphone=(), geolocation=(), payment=()";

/**
 * CSP of the pages behind links in messages (`/u/…`, served by the API): no scripts, their one inline style,
 * forms only back to our origin. CloudFront sends the same for `/u/*` and `/r/*`.
 */
export const linkPageContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
