/** Turns what a Lambda handler returned into an HTTP response, with API Gateway v2 (format 2.0) semantics. */

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/**
 * A result with `statusCode` is structured (headers, cookies, body, isBase64Encoded); anything else is
 * a 200 with the value as its JSON body, as API Gateway infers. Throws on a malformed structured result
 * (API Gateway answers 500 then too).
 */
export function toHttpResult(result: unknown): HttpResult {
  if (result === null || typeof result !== "object" || !("statusCode" in result)) {
    const body = Buffer.from(JSON.stringify(result ?? null), "utf8");
    return { statusCode: 200, headers: { "content-type": "application/json" }, cookies: [], body };
  }
  const structured = result as {
    statusCode: unknown;
    headers?: Record<string, unknown>;
    cookies?: unknown;
    body?: unknown;
    isBase64Encoded?: unknown;
  };
  const status = Number(structured.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new Error(`The handler returned an invalid statusCode: ${String(structured.statusCode)}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  }
  const text = typeof structured.body === "string" ? structured.body : "";
  const body = structured.isBase64Encoded === true ? Buffer.from(text, "base64") : Buffer.from(text, "utf8");
  if (body.length > 0) headers["content-type"] ??= "application/json";
  const cookies = Array.isArray(structured.cookies) ? structured.cookies.map(String) : [];
  return { statusCode: status, headers, cookies, body };
}
