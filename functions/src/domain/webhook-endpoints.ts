/**
 * Webhook endpoints, managed by an admin: an https address (plain http to 127.0.0.1 only on the local stack),
 * the events it takes, on or off, and its signing secret, shown when made or rotated and sealed at rest. A
 * rotation keeps the previous secret signing for an overlap (24 h by default) so the receiver can switch.
 */
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpoint,
} from "@sonrisa/shared/schemas/webhooks";
import { Conflict, Invalid, NotFound } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { Ids } from "./ports/ids.ts";
import type { SecretBox } from "./ports/secret-box.ts";
import type { WebhookEndpointRecord, WebhookEndpointRepository } from "./ports/webhook-endpoint-repository.ts";
import { addressRefusal, isAddressLiteral } from "./webhook-address.ts";
import { newWebhookSecret, secretPrefix } from "./webhook-signature.ts";

const HOUR = 3_600_000;
const DEFAULT_OVERLAP_HOURS = 24;

/** Where webhooks may go: loopback and plain http to it only on the local stack. */
export interface WebhookPolicy {
  allowLoopback: boolean;
}

export interface WebhookEndpointDeps {
  webhookEndpoints: WebhookEndpointRepository;
  secretBox: SecretBox;
  webhookPolicy: WebhookPolicy;
  clock: Clock;
  ids: Ids;
}

/** Refuses (400, path `url`) an address webhooks may not go to. */
export function checkEndpointUrl(url: string, policy: WebhookPolicy): void {
  const u = new URL(url);
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
  const refuse = (message: string) => {
    throw new Invalid("The body is not valid", [{ code: "custom", path: ["url"], message }]);
  };
  if (u.protocol === "http:" && !(policy.allowLoopback && local)) refuse("an https address");
  if (isAddressLiteral(u.hostname)) {
    const refusal = addressRefusal(u.hostname, policy.allowLoopback);
    if (refusal) refuse(`not a public address (${refusal})`);
  } else if (u.hostname === "localhost" && !policy.allowLoopback) {
    refuse("not a public address (loopback)");
  }
}

/** The secrets that sign at `now`: the current one and any previous one still in its overlap. */
export function liveSecrets(endpoint: WebhookEndpointRecord, now: Date) {
  return endpoint.secrets.filter((s) => !s.expiresAt || s.expiresAt > now.toISOString());
}

export function endpointView(e: WebhookEndpointRecord, now: Date): WebhookEndpoint {
  const [current, ...previous] = liveSecrets(e, now);
  const until = previous.map((s) => s.expiresAt!).sort();
  return {
    endpointId: e.endpointId,
    url: e.url,
    events: e.events,
    ...(e.description ? { description: e.description } : {}),
    active: e.active,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    secretPrefix: current?.prefix ?? "",
    secretCreatedAt: current?.createdAt ?? e.createdAt,
    ...(until.length ? { previousSecretUntil: until.at(-1)! } : {}),
  };
}

export async function listEndpoints(deps: Pick<WebhookEndpointDeps, "webhookEndpoints" | "clock">) {
  const now = deps.clock.now();
  return { endpoints: (await deps.webhookEndpoints.list()).map((e) => endpointView(e, now)) };
}

export async function createEndpoint(deps: WebhookEndpointDeps, request: CreateWebhookEndpointRequest) {
  checkEndpointUrl(request.url, deps.webhookPolicy);
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  const record: WebhookEndpointRecord = {
    endpointId: `ep_${deps.ids.uuid().replace(/-/g, "").slice(0, 20)}`,
    url: request.url,
    events: request.events,
    ...(request.description ? { description: request.description } : {}),
    active: request.active ?? true,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    secrets: [
      { sealed: await deps.secretBox.seal(secret), prefix: secretPrefix(secret), createdAt: now.toISOString() },
    ],
    version: 1,
  };
  await deps.webhookEndpoints.create(record);
  return { endpoint: endpointView(record, now), secret };
}

export async function getEndpoint(deps: Pick<WebhookEndpointDeps, "webhookEndpoints">, endpointId: string) {
  const endpoint = await deps.webhookEndpoints.get(endpointId);
  if (!endpoint) throw new NotFound(`No webhook endpoint ${endpointId}`);
  return endpoint;
}

export async function updateEndpoint(
  deps: WebhookEndpointDeps,
  endpointId: string,
  request: UpdateWebhookEndpointRequest,
) {
  if (request.url) checkEndpointUrl(request.url, deps.webhookPolicy);
  const now = deps.clock.now();
  const saved = await change(deps, endpointId, (e) => ({
    ...e,
    ...(request.url ? { url: request.url } : {}),
    ...(request.events ? { events: request.events } : {}),
    ...(request.description !== undefined ? { description: request.description } : {}),
    ...(request.active !== undefined ? { active: request.active } : {}),
  }));
  return { endpoint: endpointView(saved, now) };
}

/**
 * A new secret signs from now on; the one it replaces keeps signing for `overlapHours`. An overlap of 0 (a secret
 * that leaked) leaves the new secret signing alone at once. Secrets whose overlap has ended are dropped.
 */
export async function rotateSecret(deps: WebhookEndpointDeps, endpointId: string, overlapHours?: number) {
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  const sealed = await deps.secretBox.seal(secret);
  const until = new Date(now.getTime() + (overlapHours ?? DEFAULT_OVERLAP_HOURS) * HOUR).toISOString();
  const saved = await change(deps, endpointId, (e) => {
    const [current, ...previous] = liveSecrets(e, now);
    const kept = overlapHours === 0 ? [] : [...(current ? [{ ...current, expiresAt: until }] : []), ...previous];
    return {
      ...e,
      secrets: [{ sealed, prefix: secretPrefix(secret), createdAt: now.toISOString() }, ...kept.slice(0, 2)],
    };
  });
  return { endpoint: endpointView(saved, now), secret };
}

/** Applies `edit` under the endpoint's version, reading again after a race. */
async function change(
  deps: WebhookEndpointDeps,
  endpointId: string,
  edit: (e: WebhookEndpointRecord) => WebhookEndpointRecord,
): Promise<WebhookEndpointRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await getEndpoint(deps, endpointId);
    const next = { ...edit(current), updatedAt: deps.clock.now().toISOString(), version: current.version + 1 };
    if (await deps.webhookEndpoints.save(next, current.version)) return next;
  }
  throw new Conflict("The endpoint changed meanwhile: try again");
}
