/**
 * Follow-ups on DynamoDB Local with the real SMTP catcher and the stream poller (issue 12): exactly one e-mail
 * per opted-in answer and rule, in the answer's language, with RFC 8058 headers and tracked links; redelivery,
 * expiry, quiet hours (by the clock port), one-click unsubscribe, a dispatcher killed mid-send, and two kiosks
 * opting in the same person at once.
 */
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_TIMEOUT_MS } from "../../functions/src/domain/dispatch.ts";
import { makeConsumer } from "../../functions/src/events/process-table-stream.ts";
import { DEMO_STORES } from "../../functions/src/local/seed-demo.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";
import {
  dispatch,
  followUpRule,
  GRACIA,
  linksOf,
  MADRID,
  mailTo,
  optInAnswer,
  REVIEW_URL,
  submit,
  tableClient,
  testDeps,
  uniqueEmail,
  useFollowUps,
} from "./support/follow-ups.ts";

let api: TestApi;
let admin: string;
let marketing: string;
let table: ReturnType<typeof tableClient>;

beforeAll(async () => {
  api = await startApi({ streams: true });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  table = tableClient(api);
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

async function contactOf(email: string) {
  const res = await api.request("GET", `/v1/contacts?q=${encodeURIComponent(email)}`, { token: marketing });
  expect(res.status, res.text).toBe(200);
  return res.json.contacts as { contactId: string; consent: { active: boolean } }[];
}

describe("an opted-in answer", () => {
  it("gets exactly one e-mail in its language, with both unsubscribe headers and a tracked link", async () => {
    await useFollowUps(api, marketing, followUpRule("thanks"));
    const email = uniqueEmail();
    const answer = optInAnswer({ email }, { lang: "en" });

    await submit(api, MADRID, [answer]);
    const summary = await dispatch();

    expect(summary.sent).toBe(1);
    const mails = mailTo(api, email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Thanks from ${DEMO_STORES[0]!.name}`);
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<https?:\/\/[^>]+\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const links = linksOf(mail);
    expect(links.tracked).toHaveLength(1);
    expect(links.unsubscribe).toHaveLength(1); // visible in the body too
    expect(mail.html).toContain("/u/");
    expect(mail.text).not.toContain(REVIEW_URL); // only through the redirect

    const click = await api.request("GET", links.tracked[0]!);
    expect(click.status).toBe(302);
    expect(click.headers.location).toBe(REVIEW_URL);
    const stored = await table.message(`${answer.id}.thanks`);
    expect(stored).toMatchObject({ status: "sent", clicks: 1 });
  });

  it("records a consent grant with the hash of the exact text shown in the answer's language", async () => {
    const email = uniqueEmail();
    const answer = optInAnswer({ email }, { lang: "en" });
    await submit(api, MADRID, [answer]);
    const [contact] = await contactOf(email);

    const detail = await api.request("GET", `/v1/contacts/${contact!.contactId}`, { token: marketing });

    const text = DEMO_STORES[0]!.consent.text.en ?? "";
    expect(detail.json.ledger).toEqual([
      expect.objectContaining({
        type: "grant",
        purposes: ["marketing"],
        channels: ["email"],
        version: "2026-11",
        textSha256: createHash("sha256").update(text).digest("hex"),
        lang: "en",
        storeId: MADRID,
        answerId: answer.id,
      }),
    ]);
    expect(detail.json.contact.consent).toMatchObject({ active: true, channels: ["email"] });
    await dispatch(); // leave nothing due for the next tests
  });

  it("delivered twice (a retry, then the stream record again) still gets one e-mail", async () => {
    const email = uniqueEmail();
    const answer = optInAnswer({ email });
    const { token } = await submit(api, MADRID, [answer]);
    const again = await submit(api, MADRID, [answer], token);
    expect(again.results[0]!.status).toBe("duplicate");
    // The same INSERT record handed to the consumer once more, as a redelivered batch would be.
    const consumer = makeConsumer(testDeps());
    const record = {
      eventID: "again",
      eventName: "INSERT",
      dynamodb: { NewImage: { entity: { S: "Response" }, id: { S: answer.id } }, SequenceNumber: "1" },
    };
    expect(await consumer({ Records: [record as never] })).toEqual({ batchItemFailures: [] });

    await dispatch();
    await dispatch();

    expect(mailTo(api, email)).toHaveLength(1);
    const [contact] = await contactOf(email);
    const detail = await api.request("GET", `/v1/contacts/${contact!.contactId}`, { token: marketing });
    expect(detail.json.ledger).toHaveLength(1);
    expect(detail.json.messages).toHaveLength(1);
  });

  it("tapped 3 days ago and synced now, with a 2-day expiry, sends nothing", async () => {
    await useFollowUps(api, marketing, followUpRule("thanks", { expiryHours: 48 }));
    const email = uniqueEmail();
    const answer = optInAnswer({ email }, { at: new Date(Date.now() - 3 * 86_400_000).toISOString() });

    await submit(api, MADRID, [answer]);
    await dispatch();

    expect(mailTo(api, email)).toHaveLength(0);
    expect(await table.message(`${answer.id}.thanks`)).toMatchObject({ status: "expired" });
  });

  it("tapped at 23:00 local with sending hours 09–20 leaves at 09:00 the next morning", async () => {
    await useFollowUps(
      api,
      marketing,
      followUpRule("thanks", { quietHours: { sendFrom: "09:00", sendUntil: "20:00" }, expiryHours: 72 }),
    );
    const email = uniqueEmail();
    // Yesterday 23:00 in Madrid, then 09:00 today there, computed here with Intl rather than by the code.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid" }).format(new Date());
    const offset = madridOffset(today);
    const tap = new Date(Date.parse(`${today}T23:00:00${offset}`) - 86_400_000);
    const nine = new Date(`${today}T09:00:00${offset}`);
    const answer = optInAnswer({ email }, { at: tap.toISOString() });

    await submit(api, MADRID, [answer]);
    const message = await table.message(`${answer.id}.thanks`);
    expect(message?.dueAt).toBe(nine.toISOString());

    await dispatch(new Date(nine.getTime() - 60_000)); // 08:59: not yet
    expect(mailTo(api, email)).toHaveLength(0);
    await dispatch(nine);
    expect(mailTo(api, email)).toHaveLength(1);
  });

  it("unsubscribes with one POST, not with a GET, and a second rule then sends nothing", async () => {
    await useFollowUps(api, marketing, followUpRule("thanks"), followUpRule("later", { delayMinutes: 60 }));
    const email = uniqueEmail();
    const answer = optInAnswer({ email }, { lang: "es" });
    await submit(api, MADRID, [answer]);
    await dispatch();
    const [mail] = mailTo(api, email);
    const path = linksOf(mail!).unsubscribe[0]!;

    const page = await api.request("GET", path);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.text).toContain('lang="es"');
    expect(page.text).toContain("Darme de baja");
    expect((await contactOf(email))[0]!.consent.active).toBe(true);

    const post = await api.request("POST", path, {
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.status, post.text).toBe(200);
    expect((await contactOf(email))[0]!.consent.active).toBe(false);
    expect(await table.message(`${answer.id}.later`)).toMatchObject({ status: "cancelled" });

    await dispatch(new Date(Date.now() + 2 * 3_600_000));
    expect(mailTo(api, email)).toHaveLength(1);
    const [contact] = await contactOf(email);
    const detail = await api.request("GET", `/v1/contacts/${contact!.contactId}`, { token: marketing });
    expect(detail.json.ledger.map((r: { type: string; source?: string }) => r.source ?? r.type)).toEqual([
      "grant",
      "unsubscribe",
    ]);
  });

  it("from two kiosks in two stores at once is one contact with two consent records", async () => {
    await useFollowUps(api, marketing);
    const email = uniqueEmail("twice");
    const [madrid, gracia] = await Promise.all([api.pairDevice(MADRID), api.pairDevice(GRACIA)]);

    await Promise.all([
      submit(api, MADRID, [optInAnswer({ email: email.toUpperCase() })], madrid),
      submit(api, GRACIA, [optInAnswer({ email })], gracia),
    ]);

    const contacts = await contactOf(email);
    expect(contacts).toHaveLength(1);
    const detail = await api.request("GET", `/v1/contacts/${contacts[0]!.contactId}`, { token: marketing });
    expect(detail.json.ledger).toHaveLength(2);
    expect(detail.json.contact.stores.sort()).toEqual([GRACIA, MADRID]);
    expect(detail.json.contact.email).toBe(email);
  });
});

describe("a dispatcher killed between claim and outcome", () => {
  for (const when of ["before-send", "after-send"] as const) {
    it(`never sends twice (killed ${when}) and shows the message as unknown`, async () => {
      await useFollowUps(api, marketing, followUpRule("thanks"));
      const email = uniqueEmail(when);
      const answer = optInAnswer({ email });
      await submit(api, MADRID, [answer]);

      await runDispatcherAndKill(when);
      expect(await table.message(`${answer.id}.thanks`)).toMatchObject({ status: "claimed" });

      await dispatch(); // the claim is fresh: left alone
      await dispatch(new Date(Date.now() + CLAIM_TIMEOUT_MS + 60_000)); // stale: unknown, not resent

      expect(mailTo(api, email)).toHaveLength(when === "after-send" ? 1 : 0);
      expect(await table.message(`${answer.id}.thanks`)).toMatchObject({ status: "unknown" });
      const stats = await api.request("GET", "/v1/follow-up-messages?ruleId=thanks", { token: marketing });
      expect(
        stats.json.messages.find((m: { messageId: string }) => m.messageId === `${answer.id}.thanks`),
      ).toMatchObject({
        status: "unknown",
      });
    });
  }
});

describe("bad input", () => {
  it("refuses invalid rules as a whole and keeps the saved ones", async () => {
    await useFollowUps(api, marketing, followUpRule("thanks"));
    const bad = [
      followUpRule("a", { templates: { es: { subject: "x", text: "Hola {{nombre}}", html: "<p>x</p>" } } }),
      followUpRule("b", { templates: { en: followUpRule("b").templates.en } }), // Madrid speaks es too
      followUpRule("c", { delayMinutes: 30 * 24 * 60 + 1 }),
      followUpRule("d", { quietHours: { sendFrom: "9:00", sendUntil: "20:00" } }),
      followUpRule("e", { links: { review: "http://example.com/review" } }),
    ];
    for (const rule of bad) {
      const res = await api.request("PUT", "/v1/follow-up-rules", { token: marketing, body: { rules: [rule] } });
      expect(res.status, `${rule.id}: ${res.text}`).toBe(400);
      expect(res.json.error.code).toBe("invalid_request");
    }
    const saved = await api.request("GET", "/v1/follow-up-rules", { token: marketing });
    expect(saved.json.rules.map((r: { id: string }) => r.id)).toEqual(["thanks"]);
  });

  it("answers 404 to a forged or altered token and changes nothing", async () => {
    const email = uniqueEmail();
    await submit(api, MADRID, [optInAnswer({ email })]);
    await dispatch();
    const [mail] = mailTo(api, email);
    const { tracked, unsubscribe } = linksOf(mail!);
    const alter = (path: string) => `${path.slice(0, -3)}${path.endsWith("AAA") ? "BBB" : "AAA"}`;
    const forged = `/u/${Buffer.from(`u.${randomUUID()}.thanks`).toString("base64url")}.AAAAAAAAAAAAAAAAAAAAAA`;

    for (const path of [alter(tracked[0]!), alter(unsubscribe[0]!), forged, "/r/nothing"]) {
      const res = await api.request("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    const post = await api.request("POST", alter(unsubscribe[0]!), {
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(404);
    expect((await contactOf(email))[0]!.consent.active).toBe(true);
    const wrongBody = await api.request("POST", unsubscribe[0]!, {
      rawBody: "List-Unsubscribe=Maybe",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrongBody.status).toBe(400);
    expect((await contactOf(email))[0]!.consent.active).toBe(true);
  });

  it("lets only admins export or erase a contact", async () => {
    const email = uniqueEmail();
    await submit(api, MADRID, [optInAnswer({ email })]);
    await dispatch();
    const [contact] = await contactOf(email);
    for (const [method, path] of [
      ["GET", `/v1/contacts/${contact!.contactId}/export`],
      ["DELETE", `/v1/contacts/${contact!.contactId}`],
      ["GET", "/v1/export/contacts.csv"],
    ] as const) {
      expect((await api.request(method, path, { token: marketing })).status).toBe(403);
    }
    expect((await api.request("GET", `/v1/contacts/${randomUUID()}`, { token: admin })).status).toBe(404);
    expect((await api.request("DELETE", `/v1/contacts/${randomUUID()}`, { token: admin })).status).toBe(404);
  });
});

/** The UTC offset of Madrid on a date (+01:00 or +02:00), from Intl. */
function madridOffset(date: string): string {
  const name = new Intl.DateTimeFormat("en", { timeZone: "Europe/Madrid", timeZoneName: "longOffset" })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === "timeZoneName")?.value;
  return (name ?? "GMT+01:00").replace("GMT", "");
}

/** Runs the dispatcher in a child process and kills it (SIGKILL) before or after its first send. */
async function runDispatcherAndKill(when: "before-send" | "after-send"): Promise<void> {
  const script = fileURLToPath(new URL("./support/dispatch-and-die.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, when], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("READY-TO-DIE")) {
        child.kill("SIGKILL");
      }
    });
    child.once("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`the dispatcher ended by itself: ${out}`)),
    );
  });
}
