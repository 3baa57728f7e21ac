/**
 * Lambda response streaming for the local stack: the `awslambda` globals the Node.js runtime gives a
 * function, and a response stream that answers like a function URL in RESPONSE_STREAM mode (status and
 * headers from the prelude, then the body chunked as it is written, with backpressure).
 */
import type { ServerResponse } from "node:http";
import { Writable } from "node:stream";
import type { Context } from "aws-lambda";

const STREAMING = Symbol.for("sonrisa.local.streamifyResponse");

/** A handler wrapped by `awslambda.streamifyResponse`: the runtime passes it the response stream. */
export type StreamingHandler = (event: unknown, stream: LocalResponseStream, context: Context) => Promise<unknown>;

interface Prelude {
  statusCode?: number;
  headers?: Record<string, unknown>;
  cookies?: unknown[];
}

/**
 * Adds the runtime's streaming functions to `globalThis.awslambda` (made if missing; the AWS SDK keeps its
 * InvokeStore there too), unless they exist, as inside Lambda. Call it before a streaming handler's module
 * is imported: Middy looks them up when the handler is made.
 */
export function installLambdaStreamingGlobals(): void {
  const scope = globalThis as { awslambda?: Record<string, unknown> };
  scope.awslambda ??= {};
  const awslambda = scope.awslambda;
  awslambda.streamifyResponse ??= (handler: StreamingHandler) => Object.assign(handler, { [STREAMING]: true });
  awslambda.HttpResponseStream ??= {
    // As the runtime does, the prelude goes out before the first byte of the body; JSON, like on the wire.
    from: (stream: LocalResponseStream, prelude: Prelude) => stream.setPrelude(JSON.parse(JSON.stringify(prelude))),
  };
}

/** True for a handler made by `awslambda.streamifyResponse`. */
export function isStreamingHandler(handler: unknown): handler is StreamingHandler {
  return typeof handler === "function" && STREAMING in handler;
}

/** The response stream a streaming handler writes to, writing through to one HTTP response. */
export class LocalResponseStream extends Writable {
  private contentType = "application/octet-stream";
  private prelude: Prelude | undefined;
  /** True once the client has gone before the end of the answer. */
  clientLeft = false;

  /** `headers` are added to every answer (the local origin's security headers, the request id). */
  constructor(
    private readonly res: ServerResponse,
    private readonly headers: Record<string, string>,
  ) {
    super();
    // Failures reach the handler through its writes and its pipeline; one it does not listen for must not
    // bring the local server down.
    this.on("error", () => {});
    // A client that goes away stops the handler's pipeline (deployed, Lambda would run on to the end).
    res.once("close", () => {
      if (res.writableFinished || this.destroyed) return;
      this.clientLeft = true;
      this.destroy(new Error("The client closed the connection"));
    });
  }

  /** The runtime's own method; the prelude's headers win over it. */
  setContentType(contentType: string): void {
    this.contentType = contentType;
  }

  setPrelude(prelude: Prelude): this {
    this.prelude = prelude;
    return this;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.sendHead();
    if (this.res.write(chunk)) callback();
    else this.res.once("drain", () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.sendHead();
    this.res.end(() => callback());
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Failing midway cuts the connection, so the client sees a broken transfer rather than a short file;
    // failing before the first byte leaves the response to the server's error answer.
    if (error && this.res.headersSent && !this.res.writableEnded) this.res.destroy();
    callback(error);
  }

  /** Status and headers go out with the first byte (no content-length: the body is chunked). */
  private sendHead(): void {
    if (this.res.headersSent) return;
    const headers: Record<string, string | string[]> = { ...this.headers, "content-type": this.contentType };
    for (const [name, value] of Object.entries(this.prelude?.headers ?? {})) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    const cookies = (this.prelude?.cookies ?? []).map(String);
    if (cookies.length > 0) headers["set-cookie"] = cookies;
    this.res.writeHead(this.prelude?.statusCode ?? 200, headers);
  }
}
