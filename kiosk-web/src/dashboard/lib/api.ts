/**
 * The dashboard's API calls, same origin, typed from the shared schemas. Failures become an ApiError with
 * the HTTP status (0 = no network); a 401 on a signed-in call ends the session.
 */

import type { Alert, AlertList } from "@sonrisa/shared/schemas/alerts";
import type { LoginResponse, PairingCodeResponse } from "@sonrisa/shared/schemas/auth";
import type { HealthResponse } from "@sonrisa/shared/schemas/common";
import type { ContactDetail, ContactList, Erasure } from "@sonrisa/shared/schemas/contacts";
import type { DeviceSummary } from "@sonrisa/shared/schemas/devices";
import { EffectReport } from "@sonrisa/shared/schemas/effect";
import type { FollowUpMessages, FollowUpRule, FollowUpStats } from "@sonrisa/shared/schemas/follow-ups";
import type {
  CreatedIntegrationKey,
  CreateIntegrationKeyRequest,
  IntegrationKey,
} from "@sonrisa/shared/schemas/integrations";
import type { LoyaltyProgram, LoyaltyProgramView } from "@sonrisa/shared/schemas/loyalty";
import { type AllResults, CommentsPage, type StoreResults } from "@sonrisa/shared/schemas/results";
import type { StaffList, StaffMember } from "@sonrisa/shared/schemas/staff";
import type { ConsentVersion, CreateStoreRequest, Store, StoreSettings } from "@sonrisa/shared/schemas/store";
import type { RuleRevisionList, SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { CreateUserRequest, UpdateUserRequest, User } from "@sonrisa/shared/schemas/users";
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
  WebhookMessage,
  WebhookMessageList,
} from "@sonrisa/shared/schemas/webhooks";
import { ApiError, apiFetch } from "../../common/http.ts";
import type { DateRange } from "./range.ts";

export type { Alert } from "@sonrisa/shared/schemas/alerts";
export type { ConsentRecord, Contact, ContactDetail } from "@sonrisa/shared/schemas/contacts";
export type { DeviceSummary } from "@sonrisa/shared/schemas/devices";
export type { EffectReport, RevisionEffect, WindowEffect } from "@sonrisa/shared/schemas/effect";
export type { FollowUpCounts, FollowUpRule, MessageView } from "@sonrisa/shared/schemas/follow-ups";
export type { CreatedIntegrationKey, IntegrationKey } from "@sonrisa/shared/schemas/integrations";
export type { Comment, CommentsPage } from "@sonrisa/shared/schemas/results";
export type { StaffList, StaffMember } from "@sonrisa/shared/schemas/staff";
export type { ConsentVersion, Store, StoreSettings } from "@sonrisa/shared/schemas/store";
export type { RuleRevision, SurpriseRule } from "@sonrisa/shared/schemas/surprises";
export type { User } from "@sonrisa/shared/schemas/users";
export type {
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
  WebhookMessage,
} from "@sonrisa/shared/schemas/webhooks";

export { ApiError };

const TIMEOUT_MS = 20_000;
/** The export streams for as long as its function may run (5 minutes, `stream` in shared/src/routes.ts). */
const EXPORT_TIMEOUT_MS = 5 * 60_000;

function send(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  signal?: AbortSignal,
  timeoutMs = TIMEOUT_MS,
) {
  return apiFetch(method, path, { token, body, signal, timeoutMs });
}

/** The API's health; on the local stack, how far the demo's past has loaded while it loads. */
export async function health(signal?: AbortSignal): Promise<HealthResponse> {
  return (await send("GET", "/v1/health", undefined, undefined, signal)).json();
}

export async function signIn(email: string, password: string): Promise<LoginResponse> {
  return (await send("POST", "/v1/auth/login", undefined, { email, password })).json();
}

function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

/** The calls of a signed-in user; `onAuthLost` runs on a 401 (expired or revoked token) before the error is thrown. */
export function dashboardApi(token: string, onAuthLost: () => void) {
  const authed = async (method: string, path: string, signal?: AbortSignal, timeoutMs?: number, body?: unknown) => {
    try {
      return await send(method, path, token, body, signal, timeoutMs);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onAuthLost();
      throw err;
    }
  };
  const get = async <T>(path: string, signal?: AbortSignal): Promise<T> => (await authed("GET", path, signal)).json();
  /** A call with a JSON body; the answer's JSON (undefined for 204). */
  const write = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    try {
      const res = await send(method, path, token, body);
      return res.status === 204 ? (undefined as T) : res.json();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onAuthLost();
      throw err;
    }
  };
  const rangeQuery = (range: DateRange, misuse: boolean) => ({
    from: range.from,
    to: range.to,
    includeMisuse: misuse ? "true" : undefined,
  });
  const store = (storeId: string) => `/v1/stores/${encodeURIComponent(storeId)}`;
  const webhook = (endpointId: string) => `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}`;
  return {
    stores: (signal?: AbortSignal) => get<{ stores: Store[] }>("/v1/stores", signal).then((r) => r.stores),
    allResults: (range: DateRange, misuse: boolean, signal?: AbortSignal) =>
      get<AllResults>(`/v1/results${query(rangeQuery(range, misuse))}`, signal),
    storeResults: (storeId: string, range: DateRange, misuse: boolean, signal?: AbortSignal) =>
      get<StoreResults>(`${store(storeId)}/results${query(rangeQuery(range, misuse))}`, signal),
    /** Comments are shoppers' own words: the page is checked against the shared schema before it is shown. */
    comments: async (storeId: string, range: DateRange, cursor: string | undefined, signal?: AbortSignal) =>
      CommentsPage.parse(
        await get(
          `${store(storeId)}/comments${query({ from: range.from, to: range.to, limit: "10", cursor })}`,
          signal,
        ),
      ),
    surpriseRules: (signal?: AbortSignal) =>
      get<{ rules: SurpriseRule[] }>("/v1/surprise-rules", signal).then((r) => r.rules),
    createPairingCode: async (storeId: string): Promise<PairingCodeResponse> =>
      (await authed("POST", `${store(storeId)}/pairing-codes`)).json(),
    users: (signal?: AbortSignal) => get<{ users: User[] }>("/v1/users", signal).then((r) => r.users),
    createUser: (body: CreateUserRequest) => write<{ user: User }>("POST", "/v1/users", body).then((r) => r.user),
    updateUser: (userId: string, body: UpdateUserRequest) =>
      write<{ user: User }>("PUT", `/v1/users/${encodeURIComponent(userId)}`, body).then((r) => r.user),
    /** Answers a new session: the change ends the old one. */
    changePassword: (currentPassword: string, newPassword: string) =>
      write<LoginResponse>("POST", "/v1/auth/password", { currentPassword, newPassword }),
    staff: (storeId: string, signal?: AbortSignal) => get<StaffList>(`${store(storeId)}/staff`, signal),
    setStaffPin: (storeId: string, pin: string, minDigits: number) =>
      write<StaffList>("PUT", `${store(storeId)}/staff-pin`, { pin, minDigits }),
    addStaffMember: (storeId: string, name: string, pin: string) =>
      write<{ member: StaffMember }>("POST", `${store(storeId)}/staff`, { name, pin }).then((r) => r.member),
    removeStaffMember: (storeId: string, staffId: string) =>
      write<undefined>("DELETE", `${store(storeId)}/staff/${encodeURIComponent(staffId)}`),
    store: (storeId: string, signal?: AbortSignal) =>
      get<{ store: Store }>(store(storeId), signal).then((r) => r.store),
    createStore: (request: CreateStoreRequest) =>
      write<{ store: Store }>("POST", "/v1/stores", request).then((r) => r.store),
    putStore: (storeId: string, settings: StoreSettings) =>
      write<{ store: Store }>("PUT", store(storeId), settings).then((r) => r.store),
    archiveStore: (storeId: string) =>
      write<{ store: Store }>("POST", `${store(storeId)}/archive`).then((r) => r.store),
    consents: (storeId: string, signal?: AbortSignal) =>
      get<{ consents: ConsentVersion[] }>(`${store(storeId)}/consents`, signal).then((r) => r.consents),
    devices: (storeId: string, signal?: AbortSignal) =>
      get<{ devices: DeviceSummary[] }>(`${store(storeId)}/devices`, signal).then((r) => r.devices),
    renameDevice: (deviceId: string, name: string) =>
      write<{ device: DeviceSummary }>("PUT", `/v1/devices/${encodeURIComponent(deviceId)}`, { name }).then(
        (r) => r.device,
      ),
    revokeDevice: (deviceId: string) =>
      write<{ device: DeviceSummary }>("DELETE", `/v1/devices/${encodeURIComponent(deviceId)}`).then((r) => r.device),
    putSurpriseRules: (rules: SurpriseRule[]) =>
      write<{ rules: SurpriseRule[] }>("PUT", "/v1/surprise-rules", { rules }).then((r) => r.rules),
    ruleRevisions: (cursor?: string, signal?: AbortSignal) =>
      get<RuleRevisionList>(`/v1/surprise-rules/revisions${query({ cursor, limit: "20" })}`, signal),
    /** The CSV as a blob and the file name the server suggests. */
    exportCsv: async (range: DateRange, storeId?: string, personal = false) => {
      const path = `/v1/export/responses.csv${query({ ...range, storeId, personal: personal ? "true" : undefined })}`;
      // The timeout also bounds reading the body, which arrives as the server reads the answers.
      const res = await authed("GET", path, undefined, EXPORT_TIMEOUT_MS);
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];
      return { blob: await res.blob(), name: name ?? "sonrisa-responses.csv" };
    },
    // Contacts, follow-ups and alerts (issue 12)
    contacts: (q: string | undefined, signal?: AbortSignal) =>
      get<ContactList>(`/v1/contacts${query({ q: q || undefined, limit: "100" })}`, signal),
    contact: (contactId: string, signal?: AbortSignal) =>
      get<ContactDetail>(`/v1/contacts/${encodeURIComponent(contactId)}`, signal),
    exportContact: async (contactId: string) => {
      const res = await authed("GET", `/v1/contacts/${encodeURIComponent(contactId)}/export`);
      return { blob: await res.blob(), name: `sonrisa-contact-${contactId}.json` };
    },
    eraseContact: async (contactId: string): Promise<Erasure> =>
      (await authed("DELETE", `/v1/contacts/${encodeURIComponent(contactId)}`)).json(),
    contactsCsv: async () => {
      const res = await authed("GET", "/v1/export/contacts.csv", undefined, EXPORT_TIMEOUT_MS);
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];
      return { blob: await res.blob(), name: name ?? "sonrisa-contacts.csv" };
    },
    followUpRules: (signal?: AbortSignal) =>
      get<{ rules: FollowUpRule[] }>("/v1/follow-up-rules", signal).then((r) => r.rules),
    putFollowUpRules: async (rules: FollowUpRule[]): Promise<FollowUpRule[]> =>
      (
        (await (await authed("PUT", "/v1/follow-up-rules", undefined, undefined, { rules })).json()) as {
          rules: FollowUpRule[];
        }
      ).rules,
    followUpStats: (range: DateRange, signal?: AbortSignal) =>
      get<FollowUpStats>(`/v1/follow-up-stats${query({ from: range.from, to: range.to })}`, signal),
    followUpMessages: (ruleId: string, range: DateRange, signal?: AbortSignal) =>
      get<FollowUpMessages>(
        `/v1/follow-up-messages${query({ ruleId, from: range.from, to: range.to, limit: "50" })}`,
        signal,
      ),
    loyaltyProgram: (signal?: AbortSignal) => get<LoyaltyProgramView>("/v1/loyalty-program", signal),
    putLoyaltyProgram: (program: LoyaltyProgram) => write<LoyaltyProgramView>("PUT", "/v1/loyalty-program", program),
    /** The effect report is checked against the shared schema: a wrong shape must not read as a result. */
    effect: async (ruleId: string, signal?: AbortSignal) =>
      EffectReport.parse(await get(`/v1/campaigns/effect${query({ rule: ruleId })}`, signal)),
    alerts: (storeId: string | undefined, status: "open" | "all", signal?: AbortSignal) =>
      get<AlertList>(`/v1/alerts${query({ storeId, status })}`, signal).then((r) => r.alerts),
    acknowledgeAlert: async (alertId: string, note: string): Promise<Alert> =>
      (
        (await (
          await authed(
            "POST",
            `/v1/alerts/${encodeURIComponent(alertId)}/acknowledge`,
            undefined,
            undefined,
            note ? { note } : {},
          )
        ).json()) as {
          alert: Alert;
        }
      ).alert,
    // Integrations (issue 14): keys for other systems, webhook endpoints and their delivery log
    integrationKeys: (signal?: AbortSignal) =>
      get<{ keys: IntegrationKey[] }>("/v1/integration-keys", signal).then((r) => r.keys),
    createIntegrationKey: (body: CreateIntegrationKeyRequest) =>
      write<CreatedIntegrationKey>("POST", "/v1/integration-keys", body),
    revokeIntegrationKey: (keyId: string) =>
      write<{ key: IntegrationKey }>("DELETE", `/v1/integration-keys/${encodeURIComponent(keyId)}`).then((r) => r.key),
    webhookEndpoints: (signal?: AbortSignal) =>
      get<{ endpoints: WebhookEndpoint[] }>("/v1/webhook-endpoints", signal).then((r) => r.endpoints),
    createWebhookEndpoint: (body: CreateWebhookEndpointRequest) =>
      write<WebhookEndpointWithSecret>("POST", "/v1/webhook-endpoints", body),
    updateWebhookEndpoint: (endpointId: string, body: UpdateWebhookEndpointRequest) =>
      write<{ endpoint: WebhookEndpoint }>("PUT", webhook(endpointId), body).then((r) => r.endpoint),
    rotateWebhookSecret: (endpointId: string) =>
      write<WebhookEndpointWithSecret>("POST", `${webhook(endpointId)}/rotate-secret`, {}),
    webhookMessages: (endpointId: string, signal?: AbortSignal) =>
      get<WebhookMessageList>(`${webhook(endpointId)}/messages${query({ limit: "25" })}`, signal),
    replayWebhookMessage: (endpointId: string, messageId: string) =>
      write<{ message: WebhookMessage }>(
        "POST",
        `${webhook(endpointId)}/messages/${encodeURIComponent(messageId)}/replay`,
      ).then((r) => r.message),
    sendTestWebhook: (endpointId: string, eventType: WebhookEventType) =>
      write<{ message: WebhookMessage }>("POST", `${webhook(endpointId)}/test`, { eventType }).then((r) => r.message),
  };
}

export type DashboardApi = ReturnType<typeof dashboardApi>;
