/**
 * Contacts on DynamoDB Local (issue 12): search by e-mail, phone or handle, an admin's export, the CSV of
 * active consent, an admin's withdrawal, and erasure: afterwards a scan of the whole table finds none of the
 * person's e-mail, phone or handle, while the store's results and the CSV's scores are exactly as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";
import {
  dispatch,
  followUpRule,
  MADRID,
  mailTo,
  optInAnswer,
  submit,
  tableClient,
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
  await useFollowUps(
    api,
    marketing,
    followUpRule("thanks"),
    followUpRule("sms", {
      channel: "sms",
      templates: {
        es: { text: "Gracias de {{storeName}}: {{reviewLink}}" },
        en: { text: "Thanks from {{storeName}}: {{reviewLink}}" },
      },
    }),
  );
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid" }).format(new Date());

async function results() {
  const d = today();
  const res = await api.request("GET", `/v1/stores/${MADRID}/results?from=${d}&to=${d}&includeMisuse=true`, {
    token: admin,
  });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

async function csv(personal: boolean) {
  const d = today();
  const from = new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);
  const res = await api.request(
    "GET",
    `/v1/export/responses.csv?storeId=${MADRID}&from=${from}&to=${d}${personal ? "&personal=true" : ""}`,
    { token: admin },
  );
  expect(res.status, res.text).toBe(200);
  return res.text;
}

describe("contacts", () => {
  it("are found by e-mail, phone as typed or in E.164, and handle, and exported whole for an admin", async () => {
    const email = uniqueEmail("find");
    const phone = `6${String(Date.now()).slice(-8)}`;
    const handle = `find_${Date.now().toString(36)}`;
    const answer = optInAnswer(
      { email, phone, social: { network: "instagram", handle: `@${handle}` } },
      { lang: "es", comment: "Muy bien" },
    );
    await submit(api, MADRID, [answer]);
    await dispatch();

    const ids = new Set<string>();
    for (const q of [email.toUpperCase(), phone, `+34${phone}`, `@${handle}`, `instagram:${handle}`]) {
      const res = await api.request("GET", `/v1/contacts?q=${encodeURIComponent(q)}`, { token: marketing });
      expect(res.status, res.text).toBe(200);
      expect(res.json.contacts, q).toHaveLength(1);
      ids.add(res.json.contacts[0].contactId);
    }
    expect(ids.size).toBe(1);
    const contactId = [...ids][0]!;

    const exported = await api.request("GET", `/v1/contacts/${contactId}/export`, { token: admin });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-disposition"]).toContain("attachment");
    expect(exported.json.contact).toMatchObject({
      email,
      phone: `+34${phone}`,
      social: [{ network: "instagram", handle }],
    });
    expect(exported.json.answers[0]).toMatchObject({ id: answer.id, comment: "Muy bien" });
    expect(exported.json.messages).toHaveLength(2);
    expect(exported.json.messages.find((m: { channel: string }) => m.channel === "sms")).toMatchObject({
      status: "sent",
      to: `+34${phone}`,
    });
    expect(api.smsBox.list().some((s) => s.to === `+34${phone}`)).toBe(true);
  });

  it("with active consent are in the CSV, and an admin's withdrawal takes them out", async () => {
    const email = uniqueEmail("csv");
    await submit(api, MADRID, [optInAnswer({ email })]);
    const contactId = (await api.request("GET", `/v1/contacts?q=${email}`, { token: admin })).json.contacts[0]
      .contactId;
    const listed = await api.request("GET", "/v1/contacts", { token: marketing });
    expect(listed.json.contacts.map((c: { contactId: string }) => c.contactId)).toContain(contactId);
    const before = await api.request("GET", "/v1/export/contacts.csv", { token: admin });
    expect(before.status).toBe(200);
    expect(before.text.split("\r\n")[0]).toBe(
      "contactId,email,phone,social,lang,stores,channels,consentVersion,since,createdAt",
    );
    expect(before.text).toContain(email);

    const withdrawn = await api.request("POST", `/v1/contacts/${contactId}/withdrawal`, { token: admin });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.json.contact.consent.active).toBe(false);
    expect(withdrawn.json.cancelled).toBe(1); // the e-mail follow-up was still queued (not dispatched)

    expect((await api.request("GET", "/v1/export/contacts.csv", { token: admin })).text).not.toContain(email);
    const after = await api.request("GET", "/v1/contacts", { token: marketing });
    expect(after.json.contacts.map((c: { contactId: string }) => c.contactId)).not.toContain(contactId);
  });

  it("are erased everywhere while the store's results stay exactly as they were", async () => {
    const email = uniqueEmail("erase");
    const phone = `7${String(Date.now()).slice(-8)}`;
    const handle = `erase_${Date.now().toString(36)}`;
    const answers = [
      optInAnswer(
        { email, phone, social: { network: "tiktok", handle } },
        { score: 5, reasons: ["quality"], comment: "Genial", at: new Date(Date.now() - 600_000).toISOString() },
      ),
      optInAnswer({ email }, { score: 4, at: new Date(Date.now() - 300_000).toISOString() }),
    ];
    await submit(api, MADRID, answers);
    await dispatch();
    expect(mailTo(api, email).length).toBeGreaterThan(0);
    const contactId = (await api.request("GET", `/v1/contacts?q=${email}`, { token: admin })).json.contacts[0]
      .contactId;
    const scan = await table.scanText();
    expect(scan).toContain(email);
    const resultsBefore = await results();
    const rowsBefore = (await csv(false)).split("\r\n").filter((l) => answers.some((a) => l.startsWith(a.id)));

    const erased = await api.request("DELETE", `/v1/contacts/${contactId}`, { token: admin });

    expect(erased.status, erased.text).toBe(200);
    expect(erased.json).toMatchObject({ contactId, answers: 2, records: 2 });
    const after = await table.scanText();
    for (const personal of [email, phone, handle]) expect(after, personal).not.toContain(personal.toLowerCase());
    expect(await results()).toEqual(resultsBefore);
    const rowsAfter = (await csv(false)).split("\r\n").filter((l) => answers.some((a) => l.startsWith(a.id)));
    expect(rowsAfter).toEqual(rowsBefore);
    expect(await csv(true)).not.toContain(email);
    const gone = await api.request("GET", `/v1/contacts/${contactId}`, { token: admin });
    expect(gone.status).toBe(404);
    expect(gone.json.error.message).toContain("erased");
    expect(after).toContain('"tombstone"'.toLowerCase());

    // A redelivered record of an erased answer brings nothing back.
    await api.request("POST", "/v1/responses", {
      token: await api.pairDevice(MADRID),
      body: { responses: [answers[0]] },
    });
    await api.streams?.drain();
    expect((await api.request("GET", `/v1/contacts?q=${email}`, { token: admin })).json.contacts).toEqual([]);
  });
});
