/**
 * A batch of hostile requests against a fresh local stack (in memory): oversized and malformed path
 * parameters, out-of-range dates, crafted cursors, other content types, bodies that are not what they
 * claim, formula and control characters in what ends up in the CSV. Prints how many were tried, refused
 * (4xx), accepted (2xx/3xx) and failed (5xx), the 5xx ones by name, ERROR lines the functions logged, and
 * whether anything hostile reached the CSV export. `npx tsx bench/probes/hostile-batch.ts`
 */
import { randomUUID } from "node:crypto";
import { startLocalStack } from "../../functions/src/local/local-stack.ts";
import { makeApiClient } from "../support/api.ts";

interface Probe {
  name: string;
  method: string;
  path: string;
  token?: "admin" | "staff" | "device" | "marketing";
  body?: string;
  type?: string;
  /** 2xx is fine for this probe (the input is cleaned, not refused). */
  mayPass?: boolean;
}

const errors: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    for (const line of String(chunk).split("\n")) if (line.includes('"level":"ERROR"')) errors.push(line);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}
process.env.LOG_LEVEL = "WARN";
const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true });
const api = makeApiClient(stack.url);
const admin = await api.login();
const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
const { token: device } = await api.pairDevice(admin, "madrid-centro");
const staffRes = await fetch(`${stack.url}/v1/auth/staff`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ storeId: "madrid-centro", pin: "2468" }),
});
const staff = ((await staffRes.json()) as { token: string }).token;
const tokens = { admin, staff, device, marketing };

const probes: Probe[] = [];
const storeRoutes = [
  ["GET", "results"],
  ["GET", "comments"],
  ["GET", "gifts"],
  ["POST", "gifts"],
  ["GET", "stock"],
  ["PUT", "stock"],
  ["GET", "today"],
  ["POST", "pairing-codes"],
] as const;
const badIds = [
  "a".repeat(5000),
  "a".repeat(2100),
  "A".repeat(30),
  "%00",
  "..%2F..%2Fetc",
  "%F0%9F%98%80",
  "madrid-centro%0A",
  "x",
  "-madrid",
  "madrid_centro",
  encodeURIComponent("madrid-centro'; DROP TABLE"),
  "%E2%80%AEortnec-dirdam",
];
for (const id of badIds) {
  for (const [method, tail] of storeRoutes) {
    const body =
      method === "GET" ? undefined : method === "PUT" ? '{"items":[]}' : '{"kind":"surprise","code":"ABCDEF"}';
    probes.push({
      name: `${method} /stores/{${id.slice(0, 12)}…}/${tail}`,
      method,
      path: `/v1/stores/${id}/${tail}`,
      token: "admin",
      body,
    });
  }
}
const dates = [
  "from=9999-12-30&to=9999-12-31",
  "from=0001-01-01&to=0001-12-31",
  "to=9999-12-31",
  "from=9999-12-31",
  "from=1970-01-01&to=1970-01-31",
  "from=2026-02-30&to=2026-03-01",
  "from=2026-13-01",
  "from=20261101",
  "from=2026-11-01&to=2025-01-01",
  "from=2000-01-01&to=2026-11-30",
  "includeMisuse=yes",
  "from[]=2026-11-01",
];
for (const q of dates) {
  for (const path of [
    "/v1/stores/madrid-centro/results",
    "/v1/results",
    "/v1/stores/madrid-centro/comments",
    "/v1/export/responses.csv",
  ]) {
    probes.push({ name: `GET ${path}?${q}`, method: "GET", path: `${path}?${q}`, token: "admin" });
  }
}
const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const cursors = [
  b64({ pk: "STORE#barcelona-gracia", sk: "PROFILE", gsi2pk: "STORE#madrid-centro#COMMENTS", gsi2sk: "x" }),
  b64({ gsi2pk: "STORE#barcelona-gracia#COMMENTS", gsi2sk: "2026-01-01T00:00:00.000Z#x", pk: "a", sk: "b" }),
  b64(`9999-12-31T00:00:00.000Z#${randomUUID()}`),
  b64(`2000-01-01T00:00:00.000Z#${randomUUID()}`),
  b64("{}"),
  b64("null"),
  b64("[]"),
  b64("a".repeat(1400)),
  "AAAA",
  "____",
  "x".repeat(2000),
  "%7B%7D",
  "!!!",
  b64({ gsi2pk: "STORE#madrid-centro#COMMENTS", gsi2sk: { S: "x" }, pk: "RESPONSE#1", sk: "RESPONSE" }),
];
for (const c of cursors)
  probes.push({
    name: `comments cursor ${c.slice(0, 16)}…`,
    method: "GET",
    path: `/v1/stores/madrid-centro/comments?cursor=${c}`,
    token: "admin",
  });
for (const c of cursors.slice(0, 6))
  probes.push({
    name: `gifts cursor ${c.slice(0, 16)}…`,
    method: "GET",
    path: `/v1/stores/madrid-centro/gifts?cursor=${c}`,
    token: "staff",
  });
const types = [
  "application/merge-patch+json",
  "application/vnd.api+json",
  "application/x-www-form-urlencoded",
  "text/plain",
  "text/json",
  "application/json; charset=latin1",
  "application/jsonx",
  "multipart/form-data; boundary=x",
  "",
];
for (const type of types) {
  probes.push({
    name: `PUT rules as "${type}"`,
    method: "PUT",
    path: "/v1/surprise-rules",
    token: "admin",
    body: '{"rules":[]}',
    type,
  });
  probes.push({
    name: `POST responses as "${type}"`,
    method: "POST",
    path: "/v1/responses",
    token: "device",
    body: `{"responses":[{"id":"${randomUUID()}","at":"${new Date().toISOString()}","score":3}]}`,
    type,
  });
  probes.push({
    name: `POST login as "${type}"`,
    method: "POST",
    path: "/v1/auth/login",
    body: '{"email":"a@b.c","password":"x"}',
    type,
  });
}
const bodies = [
  "{not json",
  "[]",
  "null",
  '"x"',
  "1e999",
  `${"[".repeat(5000)}${"]".repeat(5000)}`,
  `{"responses":${"[".repeat(3000)}${"]".repeat(3000)}}`,
  '{"responses":[{"id":"x","at":"9999-12-31T00:00:00Z","score":1e308}]}',
  '{"responses":[{"__proto__":{"admin":true},"id":"x"}]}',
  '{"responses":[],"__proto__":{"polluted":1}}',
  `{"responses":[${Array.from({ length: 101 }, () => "{}").join(",")}]}`,
  '{"responses":[{}],"storeId":"barcelona-gracia"}',
  '{"responses":[{}],"present":"not-a-uuid"}',
  '{"responses":[{}],"kiosk":{"queueDepth":-1,"appVersion":""}}',
  `{"responses":[{"id":"${randomUUID()}","at":"2026-11-30T10:00:00+99:00","score":3}]}`,
  `{"responses":[{"id":"${randomUUID()}","at":"${new Date(Date.now() - 400 * 86_400_000).toISOString()}","score":3}]}`,
];
for (const body of bodies)
  probes.push({
    name: `POST responses ${body.slice(0, 40)}`,
    method: "POST",
    path: "/v1/responses",
    token: "device",
    body,
    mayPass: true,
  });
// Text that ends up on screens and in the CSV: cleaned, not refused.
const formula = [
  '=HYPERLINK("http://x","x")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
  "\t=1+1",
  "\r=1+1",
  "\u0000=1",
  "；=1",
  "＝1+1",
  "x;=1+1",
  "\u001B[2J\u001B]0;pwned\u0007",
  "ok \u202Egnp.exe",
  "\u2066\u2067\u2068x\u2069",
];
const ids: string[] = [];
formula.forEach((comment, i) => {
  const id = randomUUID();
  ids.push(id);
  const at = new Date(Date.now() - (formula.length - i) * 7_000).toISOString();
  probes.push({
    name: `comment ${JSON.stringify(comment).slice(0, 24)}`,
    method: "POST",
    path: "/v1/responses",
    token: "device",
    body: JSON.stringify({ responses: [{ id, at, score: 2, comment }] }),
    mayPass: true,
  });
});
for (const name of ["\u202Eevil", "=1+1", "\u0000", "\u202A\u202C", "a\u0007b"]) {
  probes.push({
    name: `spontaneous gift ${JSON.stringify(name)}`,
    method: "POST",
    path: "/v1/stores/madrid-centro/gifts",
    token: "staff",
    body: JSON.stringify({ kind: "spontaneous", gift: name, reason: name }),
    mayPass: true,
  });
  probes.push({
    name: `stock name ${JSON.stringify(name)}`,
    method: "PUT",
    path: "/v1/stores/madrid-centro/stock",
    token: "staff",
    body: JSON.stringify({ items: [{ item: "mug", name, quantity: 1, lowAt: 0 }] }),
    mayPass: true,
  });
}
for (const q of [
  "limit=0",
  "limit=-1",
  "limit=1e9",
  "limit=abc",
  "limit=1&limit=2",
  "status=../../",
  "status=pending%00",
]) {
  probes.push({ name: `gifts ?${q}`, method: "GET", path: `/v1/stores/madrid-centro/gifts?${q}`, token: "staff" });
  probes.push({
    name: `comments ?${q}`,
    method: "GET",
    path: `/v1/stores/madrid-centro/comments?${q}`,
    token: "admin",
  });
}
for (const auth of [
  "Bearer",
  "Bearer x.y.z",
  "Basic YTpi",
  `Bearer ${"a".repeat(10_000)}`,
  "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4iLCJzdWIiOiJ4In0.",
]) {
  probes.push({
    name: `auth ${auth.slice(0, 20)}`,
    method: "GET",
    path: "/v1/stores",
    body: undefined,
    type: `auth:${auth}`,
  });
}

const tally = { tried: 0, refused: 0, accepted: 0, failed: 0 };
const failures: string[] = [];
const unexpectedPass: string[] = [];
for (const p of probes) {
  const headers: Record<string, string> = {};
  if (p.token) headers.authorization = `Bearer ${tokens[p.token]}`;
  if (p.type?.startsWith("auth:")) headers.authorization = p.type.slice(5);
  else if (p.body !== undefined) headers["content-type"] = p.type ?? "application/json";
  if (p.type === "") delete headers["content-type"];
  let status = 0;
  try {
    const res = await fetch(`${stack.url}${p.path}`, { method: p.method, headers, body: p.body });
    status = res.status;
    await res.arrayBuffer();
  } catch {
    status = 0;
  }
  tally.tried += 1;
  if (status >= 500 || status === 0) {
    tally.failed += 1;
    failures.push(`${status} ${p.name}`);
  } else if (status >= 400) tally.refused += 1;
  else {
    tally.accepted += 1;
    if (!p.mayPass && !p.path.includes("2000-01-01&to=2026-11-30")) unexpectedPass.push(`${status} ${p.name}`);
  }
}
const csv = await (
  await fetch(`${stack.url}/v1/export/responses.csv?storeId=madrid-centro`, {
    headers: { authorization: `Bearer ${admin}` },
  })
).text();
const rows = csv.split("\r\n").filter((line) => ids.some((id) => line.startsWith(id)));
/** The cells of one CSV row (RFC 4180), each with whether it was quoted. */
function cells(line: string): Array<{ text: string; quoted: boolean }> {
  const out: Array<{ text: string; quoted: boolean }> = [];
  for (let i = 0; i <= line.length; ) {
    if (line[i] === '"') {
      let text = "";
      for (i++; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i++;
        } else if (line[i] === '"') break;
        else text += line[i];
      }
      out.push({ text, quoted: true });
      i += 2;
    } else {
      const end = line.indexOf(",", i) === -1 ? line.length : line.indexOf(",", i);
      out.push({ text: line.slice(i, end), quoted: false });
      i = end + 1;
    }
  }
  return out;
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const FORMULA = /^[=+\-@\t\r＝＋－＠]/;
/** A cell a spreadsheet would run, or one that hides a control or bidi character. */
const live = (c: { text: string; quoted: boolean }) =>
  UNSAFE.test(c.text) ||
  (FORMULA.test(c.text) && !/^\+?\d{6,15}$/.test(c.text)) ||
  (!c.quoted &&
    c.text
      .split(";")
      .slice(1)
      .some((part) => FORMULA.test(part)));
const hostileInCsv = rows.filter((line) => cells(line).some(live));

console.log(`\nHostile batch against ${stack.url}`);
console.log(
  `tried ${tally.tried}, refused (4xx) ${tally.refused}, accepted (2xx) ${tally.accepted}, failed (5xx or cut) ${tally.failed}`,
);
for (const f of failures) console.log(`  FAILED ${f}`);
for (const u of unexpectedPass) console.log(`  accepted, expected a refusal: ${u}`);
console.log(`ERROR lines logged by the functions: ${errors.length}`);
console.log(
  `CSV rows of the ${ids.length} formula/control comments: ${rows.length}, with a live formula start or a control/bidi character: ${hostileInCsv.length}`,
);
for (const row of hostileInCsv) console.log(`  ${JSON.stringify(row)}`);
await stack.stop();
process.exit(0);
