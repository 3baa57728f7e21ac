/**
 * Builds what API Gateway (HTTP API, payload format 2.0) and Lambda hand a function: the event from a
 * Node request, and a Lambda-like context. Mirrors AWS closely so handlers behave the same here and there.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";

/** Content types whose bodies API Gateway passes as text; everything else arrives base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql)\b)/i;

export interface EventInput {
  req: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string>;
  body: Buffer;
}

/** The v2 event: lower-cased headers (repeats joined by ","), cookies apart, query repeats joined by ",". */
export function buildEvent({ req, url, routeKey, pathParameters, body }: EventInput): APIGatewayProxyEventV2 {
  const now = new Date();
  const sourceIp = (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (name !== "cookie" && values) headers[name] = values.join(",");
  }
  headers["x-forwarded-for"] ??= sourceIp;
  headers["x-forwarded-proto"] ??= "http";
  headers["x-forwarded-port"] ??= String(req.socket.localPort ?? "");
  const cookies = (req.headersDistinct.cookie ?? []).flatMap((line) => line.split(";")).map((c) => c.trim());
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const host = headers.host ?? "127.0.0.1";
  const requestId = randomUUID();
  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: host,
      domainPrefix: host.split(".")[0] ?? host,
      http: {
        method: req.method ?? "GET",
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey,
      stage: "$default",
      time: formatClf(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  if (cookies.some(Boolean)) event.cookies = cookies.filter(Boolean);
  if (url.search.length > 1) event.queryStringParameters = query;
  if (Object.keys(pathParameters).length > 0) event.pathParameters = pathParameters;
  if (body.length > 0) {
    const text = isText(headers["content-type"], body);
    event.body = text ? body.toString("utf8") : body.toString("base64");
    event.isBase64Encoded = !text;
  }
  return event;
}

/** Text content types are text; a body without a content type is text when it is valid UTF-8. */
function isText(contentType: string | undefined, body: Buffer): boolean {
  if (contentType) return TEXT_TYPES.test(contentType.trim());
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** API Gateway's `requestContext.time`: `12/Mar/2020:19:03:58 +0000`. */
function formatClf(date: Date): string {
  const [, day, month, year, time] = /^\w+, (\d+) (\w+) (\d+) ([\d:]+)/.exec(date.toUTCString()) ?? [];
  return `${day}/${month}/${year}:${time} +0000`;
}

/** A Lambda context for one invocation; `timeoutMs` drives getRemainingTimeInMillis. */
export function buildContext(functionName: string, timeoutMs: number, awsRequestId = randomUUID()): Context {
  const deadline = Date.now() + timeoutMs;
  const region = process.env.AWS_REGION ?? "eu-west-1";
  const unsupported = () => {
    throw new Error("Callbacks are not supported: return a promise");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${awsRequestId.replaceAll("-", "")}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
