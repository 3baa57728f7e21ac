/** The one HTTP client of the PWA's pages: same origin, JSON, bearer token, a timeout, and the API's error body. */

/** A failed call: the HTTP status (0 = no network), the API's error code and message. */
/** One validation issue of a 400 (a zod issue): the field's `path`, a message, and for some a `params.problem` key. */
export interface ApiIssue {
  path?: (string | number)[];
  message?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from a 429's retry-after header. */
    readonly retryAfter?: number,
    /** A 400's validation issues, each with the `path` of the field it is about. */
    readonly details?: ApiIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** The caller's own cancel; its abort is rethrown as is, not turned into a network error. */
  signal?: AbortSignal;
  /** A hanging server must not hold the caller forever. */
  timeoutMs: number;
  /** Extra request headers (a conditional request's If-None-Match). */
  headers?: Record<string, string>;
}

/** Sends a request and returns the response when it is 2xx; anything else throws an ApiError. */
export async function apiFetch(method: string, path: string, opts: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      cache: "no-store",
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiError(0, "network", err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; details?: ApiIssue[] } }
      | undefined;
    const retry = Number(res.headers.get("retry-after"));
    throw new ApiError(
      res.status,
      data?.error?.code ?? "http",
      data?.error?.message ?? res.statusText,
      retry || undefined,
      Array.isArray(data?.error?.details) ? data.error.details : undefined,
    );
  }
  return res;
}

/** Like apiFetch, returning the parsed JSON body (undefined when there is none). */
export async function apiJson<T>(method: string, path: string, opts: CallOptions): Promise<T> {
  const res = await apiFetch(method, path, opts);
  return (await res.json().catch(() => undefined)) as T;
}
