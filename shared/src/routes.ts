/**
 * The one route table. The CDK API and the local server both read it, so a route
 * cannot exist in one and not the other. `handler` names the entry file
 * `functions/src/handlers/<handler>.ts`, which exports `handler`.
 */
import type { Role } from "./schemas/common.ts";
import type { IntegrationPermission } from "./schemas/integrations.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface Route {
  method: HttpMethod;
  /** API Gateway style path, parameters in braces. */
  path: string;
  handler: string;
  /** Roles allowed; an empty list means anyone. Store-scoped roles (staff, device) only reach their own store. */
  roles: readonly Role[];
  /**
   * Set when the answer is streamed: written to the client as it is produced, with no size cap but the
   * 200 MB of a streamed Lambda response. Deployed, such a route is served by its function's URL
   * (response streaming), not by the HTTP API, which buffers answers and caps them at 6 MB.
   * `timeoutMinutes` is how long the function may take to write it all.
   */
  stream?: { readonly timeoutMinutes: number };
  /**
   * Set when the body is `application/x-www-form-urlencoded` instead of JSON (the RFC 8058 one-click
   * unsubscribe): such a route is exempt from the JSON content type, and its form is parsed into an object.
   */
  bodyType?: "form";
  /** Set on a GET route that writes (a click counted on the way to its link), so its function may write. */
  writes?: true;
  /**
   * Set on a route an integration key may call: the permission the key needs. Integration keys reach only the
   * routes that name one (and only the stores the key lists); tokens of people and kiosks are judged by `roles`.
   */
  permission?: IntegrationPermission;
}

/**
 * The header CloudFront adds to every request it sends to a streamed route's function URL, carrying a
 * secret: the URL itself is public, and the function refuses requests without it (docs/api.md).
 */
export const ORIGIN_SECRET_HEADER = "x-sonrisa-origin-secret";

const anyone: readonly Role[] = [];

export const routes: readonly Route[] = [
  { method: "GET", path: "/v1/health", handler: "get-health", roles: anyone },
  { method: "POST", path: "/v1/auth/login", handler: "login-user", roles: anyone },
  { method: "POST", path: "/v1/auth/staff", handler: "login-staff", roles: anyone },
  {
    method: "POST",
    path: "/v1/auth/password",
    handler: "change-password",
    roles: ["admin", "marketing", "manager"],
  },
  { method: "GET", path: "/v1/users", handler: "list-users", roles: ["admin"] },
  { method: "POST", path: "/v1/users", handler: "create-user", roles: ["admin"] },
  { method: "PUT", path: "/v1/users/{userId}", handler: "update-user", roles: ["admin"] },
  {
    method: "POST",
    path: "/v1/stores/{storeId}/pairing-codes",
    handler: "create-pairing-code",
    roles: ["admin", "manager"],
  },
  { method: "POST", path: "/v1/devices/pair", handler: "pair-device", roles: anyone },
  { method: "GET", path: "/v1/kiosk/config", handler: "get-kiosk-config", roles: ["device"] },
  { method: "POST", path: "/v1/responses", handler: "submit-responses", roles: ["device"] },
  { method: "POST", path: "/v1/kiosk/heartbeat", handler: "post-kiosk-heartbeat", roles: ["device"] },
  { method: "GET", path: "/v1/stores", handler: "list-stores", roles: ["admin", "marketing", "manager"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/results",
    handler: "get-store-results",
    roles: ["admin", "marketing", "manager", "staff"],
  },
  { method: "GET", path: "/v1/results", handler: "get-all-results", roles: ["admin", "marketing", "manager"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/comments",
    handler: "list-comments",
    roles: ["admin", "marketing", "manager", "staff"],
  },
  {
    method: "GET",
    path: "/v1/export/responses.csv",
    handler: "export-responses",
    roles: ["admin", "marketing"],
    stream: { timeoutMinutes: 5 },
  },
  { method: "GET", path: "/v1/surprise-rules", handler: "get-surprise-rules", roles: ["admin", "marketing"] },
  { method: "PUT", path: "/v1/surprise-rules", handler: "put-surprise-rules", roles: ["admin", "marketing"] },
  { method: "GET", path: "/v1/stores/{storeId}/gifts", handler: "list-gifts", roles: ["admin", "staff"] },
  { method: "POST", path: "/v1/stores/{storeId}/gifts", handler: "hand-over-gift", roles: ["staff"] },
  { method: "GET", path: "/v1/stores/{storeId}/stock", handler: "get-stock", roles: ["admin", "manager", "staff"] },
  { method: "PUT", path: "/v1/stores/{storeId}/stock", handler: "put-stock", roles: ["admin", "manager", "staff"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/today",
    handler: "get-store-today",
    roles: ["admin", "manager", "staff"],
  },
  { method: "PUT", path: "/v1/stores/{storeId}/staff-pin", handler: "put-staff-pin", roles: ["admin", "manager"] },
  { method: "GET", path: "/v1/stores/{storeId}/staff", handler: "list-staff", roles: ["admin", "manager"] },
  { method: "POST", path: "/v1/stores/{storeId}/staff", handler: "create-staff-member", roles: ["admin", "manager"] },
  {
    method: "DELETE",
    path: "/v1/stores/{storeId}/staff/{staffId}",
    handler: "delete-staff-member",
    roles: ["admin", "manager"],
  },
  // Contacts, consent, follow-ups and alerts (issue 12).
  { method: "GET", path: "/v1/contacts", handler: "list-contacts", roles: ["admin", "marketing"] },
  { method: "GET", path: "/v1/contacts/{contactId}", handler: "get-contact", roles: ["admin", "marketing"] },
  { method: "GET", path: "/v1/contacts/{contactId}/export", handler: "export-contact", roles: ["admin"] },
  { method: "DELETE", path: "/v1/contacts/{contactId}", handler: "erase-contact", roles: ["admin"] },
  { method: "POST", path: "/v1/contacts/{contactId}/withdrawal", handler: "withdraw-consent", roles: ["admin"] },
  {
    method: "GET",
    path: "/v1/export/contacts.csv",
    handler: "export-contacts",
    roles: ["admin"],
    stream: { timeoutMinutes: 5 },
  },
  { method: "GET", path: "/v1/follow-up-rules", handler: "get-follow-up-rules", roles: ["admin", "marketing"] },
  { method: "PUT", path: "/v1/follow-up-rules", handler: "put-follow-up-rules", roles: ["admin", "marketing"] },
  {
    method: "GET",
    path: "/v1/follow-up-messages",
    handler: "list-follow-up-messages",
    roles: ["admin", "marketing"],
  },
  { method: "GET", path: "/v1/follow-up-stats", handler: "get-follow-up-stats", roles: ["admin", "marketing"] },
  { method: "GET", path: "/v1/alerts", handler: "list-alerts", roles: ["admin", "marketing", "manager"] },
  {
    method: "POST",
    path: "/v1/alerts/{alertId}/acknowledge",
    handler: "acknowledge-alert",
    roles: ["admin", "marketing", "manager"],
  },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/alert-settings",
    handler: "get-alert-settings",
    roles: ["admin", "manager"],
  },
  {
    method: "PUT",
    path: "/v1/stores/{storeId}/alert-settings",
    handler: "put-alert-settings",
    roles: ["admin", "manager"],
  },
  // Loyalty (issue 13): the programme, members at the counter, the member's card.
  { method: "GET", path: "/v1/loyalty-program", handler: "get-loyalty-program", roles: ["admin", "marketing"] },
  { method: "PUT", path: "/v1/loyalty-program", handler: "put-loyalty-program", roles: ["admin", "marketing"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/members",
    handler: "lookup-member",
    roles: ["admin", "manager", "staff"],
  },
  { method: "POST", path: "/v1/stores/{storeId}/stamps", handler: "add-stamp", roles: ["staff"] },
  { method: "POST", path: "/v1/stores/{storeId}/redemptions", handler: "redeem-reward", roles: ["staff"] },
  { method: "GET", path: "/v1/cards/{token}", handler: "get-card", roles: anyone },
  // Links in messages, outside /v1: one-click unsubscribe (RFC 8058) and tracked links. Signed tokens, no login.
  { method: "GET", path: "/u/{token}", handler: "show-unsubscribe", roles: anyone },
  { method: "POST", path: "/u/{token}", handler: "unsubscribe", roles: anyone, bodyType: "form" },
  { method: "GET", path: "/r/{token}", handler: "follow-link", roles: anyone, writes: true },
  // Stores, kiosks and the rules' history, managed from the dashboard.
  { method: "POST", path: "/v1/stores", handler: "create-store", roles: ["admin"] },
  { method: "GET", path: "/v1/stores/{storeId}", handler: "get-store", roles: ["admin", "marketing", "manager"] },
  { method: "PUT", path: "/v1/stores/{storeId}", handler: "put-store", roles: ["admin"] },
  { method: "POST", path: "/v1/stores/{storeId}/archive", handler: "archive-store", roles: ["admin"] },
  {
    method: "GET",
    path: "/v1/stores/{storeId}/consents",
    handler: "list-consent-versions",
    roles: ["admin", "marketing", "manager"],
  },
  { method: "GET", path: "/v1/stores/{storeId}/devices", handler: "list-devices", roles: ["admin", "manager"] },
  { method: "PUT", path: "/v1/devices/{deviceId}", handler: "rename-device", roles: ["admin", "manager"] },
  // A kiosk may revoke itself (its staff's Unpair), so the token it forgets is refused too.
  { method: "DELETE", path: "/v1/devices/{deviceId}", handler: "revoke-device", roles: ["admin", "manager", "device"] },
  {
    method: "GET",
    path: "/v1/surprise-rules/revisions",
    handler: "list-rule-revisions",
    roles: ["admin", "marketing"],
  },
  // Integrations (issue 14): keys for other systems, purchases in, webhooks out.
  { method: "GET", path: "/v1/integration-keys", handler: "list-integration-keys", roles: ["admin"] },
  { method: "POST", path: "/v1/integration-keys", handler: "create-integration-key", roles: ["admin"] },
  { method: "DELETE", path: "/v1/integration-keys/{keyId}", handler: "revoke-integration-key", roles: ["admin"] },
  { method: "POST", path: "/v1/purchases", handler: "record-purchase", roles: [], permission: "purchases:write" },
  { method: "GET", path: "/v1/webhook-endpoints", handler: "list-webhook-endpoints", roles: ["admin"] },
  { method: "POST", path: "/v1/webhook-endpoints", handler: "create-webhook-endpoint", roles: ["admin"] },
  { method: "PUT", path: "/v1/webhook-endpoints/{endpointId}", handler: "update-webhook-endpoint", roles: ["admin"] },
  {
    method: "POST",
    path: "/v1/webhook-endpoints/{endpointId}/rotate-secret",
    handler: "rotate-webhook-secret",
    roles: ["admin"],
  },
  {
    method: "GET",
    path: "/v1/webhook-endpoints/{endpointId}/messages",
    handler: "list-webhook-messages",
    roles: ["admin"],
  },
  {
    method: "POST",
    path: "/v1/webhook-endpoints/{endpointId}/messages/{messageId}/replay",
    handler: "replay-webhook-message",
    roles: ["admin"],
  },
  { method: "POST", path: "/v1/webhook-endpoints/{endpointId}/test", handler: "send-test-webhook", roles: ["admin"] },
  // The effect report (issue 14): a rule's treatment against its holdout
  { method: "GET", path: "/v1/campaigns/effect", handler: "get-campaign-effect", roles: ["admin", "marketing"] },
];

/** Paths outside /v1 that the API serves (CloudFront sends them to it; the local server too). */
export const LINK_PATH_PREFIXES = ["/u/", "/r/"] as const;

/**
 * A job run on a schedule; `timeoutMinutes` defaults to 1, `mails` marks jobs that send email and `sms` those
 * that send text messages. `localEverySeconds` runs it more often on the local stack (a due message leaves
 * within seconds there; EventBridge cannot go below a minute).
 */
export interface Job {
  readonly handler: string;
  readonly everyMinutes: number;
  readonly timeoutMinutes?: number;
  readonly mails?: boolean;
  readonly sms?: boolean;
  readonly localEverySeconds?: number;
  /** Set on jobs that use keys derived from the auth key (opening webhook secrets): they may read its secret. */
  readonly usesAuthKey?: boolean;
}

/** Jobs run on a schedule (EventBridge in AWS, a timer locally). */
export const jobs: readonly Job[] = [
  { handler: "expire-gifts", everyMinutes: 5 },
  { handler: "roll-up-months", everyMinutes: 60, timeoutMinutes: 15 },
  { handler: "dispatch-messages", everyMinutes: 1, localEverySeconds: 3, mails: true, sms: true },
  // Webhook deliveries: due attempts claimed, signed and sent; stale claims go back to the schedule.
  { handler: "dispatch-webhooks", everyMinutes: 1, timeoutMinutes: 5, localEverySeconds: 2, usesAuthKey: true },
];

/** A change of the table a consumer reacts to: the stream event and the `entity` of the new image. */
export interface StreamFilter {
  readonly eventName: "INSERT" | "MODIFY" | "REMOVE";
  readonly entity: string;
}

/**
 * A consumer of the table's stream, `functions/src/events/<handler>.ts`: a Lambda event source mapping in
 * AWS (filtered, bisected on error, failures to a queue), a poller of DynamoDB Local's stream locally.
 */
export interface StreamConsumer {
  readonly handler: string;
  readonly filters: readonly StreamFilter[];
  readonly batchSize: number;
}

export const streamConsumers: readonly StreamConsumer[] = [
  {
    // New answers make contacts, consent records, follow-up messages and negative-spike alerts; stock
    // changes make low-stock alerts. Every write is keyed by the answer or the day, so a redelivery adds nothing.
    handler: "process-table-stream",
    filters: [
      { eventName: "INSERT", entity: "Response" },
      { eventName: "MODIFY", entity: "Stock" },
      // Webhooks out (issue 14): each change an endpoint may subscribe to puts one outbox item per endpoint,
      // keyed by the source item, so a redelivery puts nothing new.
      { eventName: "INSERT", entity: "Gift" },
      { eventName: "MODIFY", entity: "Gift" },
      { eventName: "INSERT", entity: "Contact" },
      { eventName: "INSERT", entity: "ConsentRecord" },
      { eventName: "INSERT", entity: "Alert" },
      { eventName: "MODIFY", entity: "Reward" },
    ],
    batchSize: 25,
  },
];

/** Turns `/v1/stores/{storeId}/results` into a matcher that yields path parameters. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
}
