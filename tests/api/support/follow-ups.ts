/**
 * Helpers for the follow-up, contact and alert tests: the real dependencies on the file's table with a clock
 * of the test's choosing, the dispatcher job, a kiosk, rules, and reading the table directly.
 */
import { randomUUID } from "node:crypto";
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import { expect } from "vitest";
import { makeDocumentClient } from "../../../functions/src/adapters/dynamo/client.ts";
import { keys } from "../../../functions/src/adapters/dynamo/keys.ts";
import { loadConfig } from "../../../functions/src/config.ts";
import type { Clock } from "../../../functions/src/domain/ports/clock.ts";
import { makeJob } from "../../../functions/src/jobs/dispatch-messages.ts";
import { localDynamoClient } from "../../../functions/src/local/ensure-table.ts";
import type { CaughtMail } from "../../../functions/src/local/mail-catcher.ts";
import { makeDeps } from "../../../functions/src/wiring.ts";
import type { TestApi } from "../harness.ts";

export const MADRID = "madrid-centro";
export const GRACIA = "barcelona-gracia";
export const REVIEW_URL = "https://example.com/reviews/madrid";

export const fixedClock = (at: Date | string): Clock => ({ now: () => new Date(at) });

/** The real adapters on the file's table, with `clock` instead of the system's. */
export function testDeps(clock?: Clock) {
  const config = loadConfig();
  const deps = makeDeps(config, { doc: makeDocumentClient(config), name: config.TABLE_NAME });
  return clock ? { ...deps, clock } : deps;
}

/** One run of the dispatcher job, at `at` (default now). */
export function dispatch(at?: Date | string) {
  return makeJob(testDeps(at ? fixedClock(at) : undefined))();
}

/** A follow-up rule for Madrid's happy answers by e-mail, sent at once, unless `over` says otherwise. */
export function followUpRule(id: string, over: Partial<FollowUpRule> = {}): FollowUpRule {
  return {
    id,
    name: `Rule ${id}`,
    enabled: true,
    stores: [MADRID],
    minScore: 4,
    maxScore: 5,
    channel: "email",
    delayMinutes: 0,
    expiryHours: 48,
    templates: {
      es: {
        subject: "Gracias, {{storeName}}",
        text: "Gracias. Reseña: {{reviewLink}}",
        html: '<p>Gracias. <a href="{{reviewLink}}">Reseña</a></p>',
      },
      en: {
        subject: "Thanks from {{storeName}}",
        text: "Thanks. Review: {{reviewLink}}",
        html: '<p>Thanks. <a href="{{reviewLink}}">Review</a></p>',
      },
    },
    links: { review: REVIEW_URL },
    holdoutPercent: 0,
    frequencyCapDays: 0,
    ...over,
  };
}

export async function useFollowUps(api: TestApi, token: string, ...rules: FollowUpRule[]): Promise<void> {
  const res = await api.request("PUT", "/v1/follow-up-rules", { token, body: { rules } });
  expect(res.status, res.text).toBe(200);
}

export const uniqueEmail = (name = "ana") => `${name}.${randomUUID().slice(0, 8)}@example.com`;

/** An opted-in answer tapped at `at` (default now). */
export function optInAnswer(
  contact: { email?: string; phone?: string; social?: { network: string; handle: string } },
  over: Record<string, unknown> = {},
) {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    score: 5,
    lang: "en",
    optIn: { ...contact, consent: { version: "2026-11", granted: true } },
    ...over,
  };
}

/** Posts answers from a fresh kiosk of the store, expects each stored, and waits until the stream consumer saw them. */
export async function submit(api: TestApi, storeId: string, responses: Record<string, unknown>[], device?: string) {
  const token = device ?? (await api.pairDevice(storeId));
  const res = await api.request("POST", "/v1/responses", { token, body: { responses } });
  expect(res.status, res.text).toBe(200);
  await api.streams?.drain();
  return { token, results: res.json.results as { id: string; status: string }[] };
}

export function mailTo(api: TestApi, address: string): CaughtMail[] {
  return api.mailbox.list().filter((m) => m.to.includes(address));
}

/** A document client on the file's table, for reading items the API does not show. */
export function tableClient(api: TestApi) {
  const doc = DynamoDBDocumentClient.from(localDynamoClient(api.dynamoEndpoint));
  return {
    doc,
    async message(messageId: string) {
      return (await doc.send(new GetCommand({ TableName: api.tableName, Key: keys.message(messageId) }))).Item;
    },
    async scanText(): Promise<string> {
      const items: unknown[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(new ScanCommand({ TableName: api.tableName, ExclusiveStartKey: start }));
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      return JSON.stringify(items).toLowerCase();
    },
  };
}

/** The links of a caught mail's text: tracked links and the unsubscribe link, as paths. */
export function linksOf(mail: CaughtMail) {
  const urls = [...(mail.text ?? "").matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => new URL(m[0]));
  return {
    tracked: urls.filter((u) => u.pathname.startsWith("/r/")).map((u) => u.pathname),
    unsubscribe: urls.filter((u) => u.pathname.startsWith("/u/")).map((u) => u.pathname),
  };
}
