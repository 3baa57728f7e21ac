/** Security headers of the local origin; CloudFront adds the same ones in AWS. */

/**
 * CSP for the Vite + Preact PWA: scripts and styles only from our origin (Vite emits files, no inline
 * code; Preact sets `style` through the CSSOM, which `style-src` does not restrict), the service worker
 * and manifest from our origin, API calls to our origin only, and no framing.
 */
export const appCsp = [
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

/** Headers on every response, static or API. The camera stays allowed for scanning member QR codes. */
export const baseSecurityHeaders: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(self), microphone=(), geolocation=(), payment=()",
};

/** Headers for HTML documents of the app. */
export const documentHeaders: Record<string, string> = { ...baseSecurityHeaders, "content-security-policy": appCsp };
