/**
 * Alerts for store managers: a spike of negative answers (one per store per window, however many answers and
 * redeliveries follow) and low stock of a gift item (once per item and local day), each e-mailed through the
 * message queue to the store's managers and alert addresses; listed and acknowledged in the dashboard.
 */
import type { Alert, AlertSettings, AlertsQuery } from "@sonrisa/shared/schemas/alerts";
import { localParts } from "@sonrisa/shared/time";
import { Forbidden, NotFound } from "./errors.ts";
import type { AlertRepository } from "./ports/alert-repository.ts";
import type { AnswerRecord, AnswerRecords } from "./ports/answer-records.ts";
import type { Clock } from "./ports/clock.ts";
import type { MessageRecord } from "./ports/message-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreManagers } from "./ports/store-managers.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import type { TableChange } from "./ports/table-changes.ts";
import { escapeHtml, firstLine } from "./templates.ts";

export interface AlertDeps {
  alerts: AlertRepository;
  answers: AnswerRecords;
  stores: StoreRepository;
  managers: StoreManagers;
  clock: Clock;
}

/** After a negative answer: is its store's window (ending at this tap) a spike? */
export async function checkNegativeSpike(deps: AlertDeps, answer: AnswerRecord, store: StoreRecord): Promise<void> {
  const settings = (await deps.alerts.settings(store.storeId)).negativeSpike;
  if (!settings.enabled) return;
  const to = new Date(answer.atUtc);
  const from = new Date(to.getTime() - settings.windowMinutes * 60_000);
  const window = (await deps.answers.window(store.storeId, from.toISOString(), to.toISOString())).filter(
    (a) => !a.misuse,
  );
  const negative = window.filter((a) => a.score <= 2);
  if (window.length < settings.minAnswers || negative.length * 100 < settings.negativePercent * window.length) return;
  const recipients = await recipientsOf(deps, store.storeId);
  const alert: Alert = {
    alertId: `${store.storeId}.spike.${answer.id}`,
    storeId: store.storeId,
    kind: "negative-spike",
    at: deps.clock.now().toISOString(),
    window: { from: from.toISOString(), to: to.toISOString() },
    answers: window.length,
    negative: negative.length,
    reasons: topReasons(negative),
    comments: negative
      .filter((a) => a.comment?.trim())
      .sort((a, b) => b.atUtc.localeCompare(a.atUtc))
      .slice(0, 5)
      .map((a) => firstLine(a.comment)),
    recipients: recipients.length,
    emailStatus: recipients.length ? "pending" : "no recipients",
    status: "open",
  };
  await deps.alerts.raiseSpike(
    alert,
    from.toISOString(),
    recipients.length ? spikeEmail(alert, store, recipients) : undefined,
  );
}

/** After a stock change: an item at or under its threshold alerts once per local day. */
export async function checkLowStock(deps: AlertDeps, change: Extract<TableChange, { kind: "stock" }>): Promise<void> {
  if (change.available > change.lowAt) return;
  const store = await deps.stores.get(change.storeId);
  if (!store || !(await deps.alerts.settings(store.storeId)).lowStock.enabled) return;
  const now = deps.clock.now();
  const day = localParts(now, store.timeZone).date;
  const recipients = await recipientsOf(deps, store.storeId);
  const alert: Alert = {
    alertId: `${store.storeId}.low-stock.${change.item}.${day}`,
    storeId: store.storeId,
    kind: "low-stock",
    at: now.toISOString(),
    item: { item: change.item, name: change.name, available: change.available, lowAt: change.lowAt },
    recipients: recipients.length,
    emailStatus: recipients.length ? "pending" : "no recipients",
    status: "open",
  };
  await deps.alerts.raiseOnce(alert, recipients.length ? lowStockEmail(alert, store, recipients) : undefined);
}

async function recipientsOf(deps: AlertDeps, storeId: string): Promise<string[]> {
  const [managers, settings] = await Promise.all([deps.managers.emailsOf(storeId), deps.alerts.settings(storeId)]);
  return [...new Set([...managers, ...settings.addresses].map((e) => e.toLowerCase()))];
}

function topReasons(answers: AnswerRecord[]): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of answers) for (const r of a.reasons ?? []) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
    .slice(0, 3);
}

const copy = {
  es: {
    spikeSubject: (store: string, n: number) => `Alerta: ${n} respuestas negativas en ${store}`,
    spikeIntro: (n: number, total: number, from: string, to: string) =>
      `${n} de ${total} respuestas entre las ${from} y las ${to} fueron de 1 o 2.`,
    reasons: "Motivos más repetidos",
    comments: "Comentarios",
    lowSubject: (store: string, item: string) => `Queda poco ${item} en ${store}`,
    lowIntro: (item: string, n: number, low: number) => `Quedan ${n} de «${item}» (aviso a partir de ${low}).`,
    outro: "Revisa y confirma la alerta en el panel de Sonrisa.",
  },
  en: {
    spikeSubject: (store: string, n: number) => `Alert: ${n} negative answers at ${store}`,
    spikeIntro: (n: number, total: number, from: string, to: string) =>
      `${n} of ${total} answers between ${from} and ${to} were scored 1 or 2.`,
    reasons: "Top reasons",
    comments: "Comments",
    lowSubject: (store: string, item: string) => `${item} is running low at ${store}`,
    lowIntro: (item: string, n: number, low: number) => `${n} of "${item}" left (alert at ${low}).`,
    outro: "Review and acknowledge the alert in the Sonrisa dashboard.",
  },
};

function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
}

function spikeEmail(alert: Alert, store: StoreRecord, to: string[]): MessageRecord {
  const lang = store.defaultLang;
  const c = copy[lang];
  const label = (id: string) =>
    Object.values(store.reasons)
      .flat()
      .find((r) => r.id === id)?.label[lang] ?? id;
  const lines = [
    c.spikeIntro(
      alert.negative ?? 0,
      alert.answers ?? 0,
      localTime(alert.window!.from, store.timeZone),
      localTime(alert.window!.to, store.timeZone),
    ),
    "",
    ...(alert.reasons?.length
      ? [`${c.reasons}:`, ...alert.reasons.map((r) => `- ${label(r.id)} (${r.count})`), ""]
      : []),
    ...(alert.comments?.length ? [`${c.comments}:`, ...alert.comments.map((t) => `- «${t}»`), ""] : []),
    c.outro,
  ];
  return alertMessage(alert, store, to, c.spikeSubject(store.name, alert.negative ?? 0), lines);
}

function lowStockEmail(alert: Alert, store: StoreRecord, to: string[]): MessageRecord {
  const c = copy[store.defaultLang];
  const item = alert.item!;
  return alertMessage(alert, store, to, c.lowSubject(store.name, item.name), [
    c.lowIntro(item.name, item.available, item.lowAt),
    "",
    c.outro,
  ]);
}

function alertMessage(alert: Alert, store: StoreRecord, to: string[], subject: string, lines: string[]): MessageRecord {
  const html = lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : "")).join("\n");
  return {
    messageId: `alert.${alert.alertId}`,
    kind: "alert",
    alertId: alert.alertId,
    storeId: store.storeId,
    channel: "email",
    lang: store.defaultLang,
    status: "pending",
    to,
    subject,
    text: `${lines.join("\n")}\n`,
    html,
    links: [],
    dueAt: alert.at,
    createdAt: alert.at,
    attempts: 0,
    clicks: 0,
  };
}

/** The months (UTC YYYY-MM) an alert list reads: this one and the two before. */
function recentMonths(now: Date): string[] {
  return [0, 1, 2].map((back) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7),
  );
}

/** GET /v1/alerts: a store's alerts or every store's (a manager: its own), newest first, last three months. */
export async function listAlerts(deps: AlertDeps, query: AlertsQuery, auth: Principal | undefined): Promise<Alert[]> {
  if (auth?.role === "manager" && query.storeId && !auth.stores?.includes(query.storeId)) {
    throw new Forbidden("This store is not one of yours");
  }
  const all = await deps.alerts.list(query.storeId, recentMonths(deps.clock.now()));
  const mine = auth?.role === "manager" ? all.filter((a) => auth.stores?.includes(a.storeId)) : all;
  const status = query.status ?? "all";
  return status === "all" ? mine : mine.filter((a) => a.status === status);
}

/** POST /v1/alerts/{alertId}/acknowledge: marks it seen, with who, when and an optional note. */
export async function acknowledgeAlert(
  deps: AlertDeps,
  alertId: string,
  note: string | undefined,
  auth: Principal,
): Promise<Alert> {
  const alert = await deps.alerts.get(alertId);
  if (!alert || (auth.role === "manager" && !auth.stores?.includes(alert.storeId))) {
    throw new NotFound("No alert with that id");
  }
  const done = await deps.alerts.acknowledge(alertId, auth.sub, note || undefined, deps.clock.now().toISOString());
  if (!done) throw new NotFound("No alert with that id");
  return done;
}

/** GET/PUT /v1/stores/{storeId}/alert-settings: a known store's settings. */
export async function alertSettings(deps: AlertDeps, storeId: string): Promise<AlertSettings> {
  if (!(await deps.stores.get(storeId))) throw new NotFound("No store with that id");
  return deps.alerts.settings(storeId);
}

export async function putAlertSettings(
  deps: AlertDeps,
  storeId: string,
  settings: AlertSettings,
  auth: Principal,
): Promise<AlertSettings> {
  if (!(await deps.stores.get(storeId))) throw new NotFound("No store with that id");
  await deps.alerts.putSettings(storeId, settings, auth.sub, deps.clock.now().toISOString());
  return settings;
}
