/**
 * The composition root: the real adapters behind every port, made once per cold start. A handler's module
 * wraps its `makeMain` in `wired`, which calls it with `realDeps()` on first use; tests pass their own.
 */

import { makeLinkSigner } from "./adapters/auth/link-signer.ts";
import { scryptHasher } from "./adapters/auth/password-hasher.ts";
import { makeSecretBox } from "./adapters/auth/secret-box.ts";
import { makeTokenService } from "./adapters/auth/token-service.ts";
import {
  cachedAlertSettings,
  cachedConsentTexts,
  cachedDevices,
  cachedFollowUpRules,
  cachedRules,
  cachedStores,
} from "./adapters/cache/read-cache.ts";
import { offsetClock } from "./adapters/clock.ts";
import { makeConsentTexts } from "./adapters/consent-texts.ts";
import { localDemoHistory, noDemoHistory } from "./adapters/demo-history-progress.ts";
import { makeAlertRepository } from "./adapters/dynamo/alert-repository.ts";
import { makeAnswerRecords } from "./adapters/dynamo/answer-records.ts";
import { makeAnswerWriter } from "./adapters/dynamo/answer-writer.ts";
import { makeDocumentClient, type Table } from "./adapters/dynamo/client.ts";
import { makeContactRepository } from "./adapters/dynamo/contact-repository.ts";
import { makeDeviceRepository } from "./adapters/dynamo/device-repository.ts";
import { makeEffectRepository } from "./adapters/dynamo/effect-repository.ts";
import { makeFollowUpRulesRepository } from "./adapters/dynamo/follow-up-rules-repository.ts";
import { makeGiftRepository } from "./adapters/dynamo/gift-repository.ts";
import { makeHealthCheck } from "./adapters/dynamo/health-check.ts";
import { makeIntegrationKeyRepository } from "./adapters/dynamo/integration-key-repository.ts";
import { makeJobStateRepository } from "./adapters/dynamo/job-state-repository.ts";
import { makeLoyaltyProgramRepository } from "./adapters/dynamo/loyalty-program-repository.ts";
import { makeMemberRepository } from "./adapters/dynamo/member-repository.ts";
import { makeMessageRepository } from "./adapters/dynamo/message-repository.ts";
import { makePurchaseRepository } from "./adapters/dynamo/purchase-repository.ts";
import { makeResultsRepository } from "./adapters/dynamo/results-repository.ts";
import { makeRulesRepository } from "./adapters/dynamo/rules-repository.ts";
import { makeStaffRepository } from "./adapters/dynamo/staff-repository.ts";
import { makeStoreManagers } from "./adapters/dynamo/store-managers.ts";
import { makeStoreRepository } from "./adapters/dynamo/store-repository.ts";
import { makeSuppressionList } from "./adapters/dynamo/suppression-list.ts";
import { tableChanges } from "./adapters/dynamo/table-changes.ts";
import { makeThrottleRepository } from "./adapters/dynamo/throttle-repository.ts";
import { makeUserRepository } from "./adapters/dynamo/user-repository.ts";
import { makeWebhookEndpointRepository } from "./adapters/dynamo/webhook-endpoint-repository.ts";
import { makeWebhookOutbox } from "./adapters/dynamo/webhook-outbox.ts";
import { webhookSources } from "./adapters/dynamo/webhook-sources.ts";
import { randomIds } from "./adapters/ids.ts";
import { auditLog } from "./adapters/logger.ts";
import { makeMailer } from "./adapters/messaging/mailer.ts";
import { makeSmsSender } from "./adapters/messaging/sms-sender.ts";
import { makePurchaseLoyalty } from "./adapters/purchase-loyalty.ts";
import { sha256Hasher } from "./adapters/text-hasher.ts";
import { makeWebhookSender } from "./adapters/webhooks/http-sender.ts";
import { type Config, loadConfig } from "./config.ts";
import type { Clock } from "./domain/ports/clock.ts";

/**
 * Every port's real adapter, on one table. `hot` holds the few-second copies of store settings, rules and
 * devices that the kiosk's routes read on every batch (adapters/cache/read-cache.ts).
 */
export function makeDeps(config: Config, table: Table) {
  // The system clock, moved by the local stack's offset if it has one (0 elsewhere).
  const clock: Clock = offsetClock(config.SONRISA_CLOCK_OFFSET_MS ?? 0);
  const stores = cachedStores(makeStoreRepository(table), clock);
  const rules = cachedRules(makeRulesRepository(table), clock);
  const devices = cachedDevices(makeDeviceRepository(table), clock);
  const writer = makeAnswerWriter(table);
  const contacts = makeContactRepository(table);
  const program = makeLoyaltyProgramRepository(table);
  const members = makeMemberRepository(table);
  const local = config.SONRISA_MODE === "local";
  const consentTexts = makeConsentTexts(stores.fresh, sha256Hasher);
  const followUpRules = cachedFollowUpRules(makeFollowUpRulesRepository(table), clock);
  const alerts = cachedAlertSettings(makeAlertRepository(table), clock);
  return {
    clock,
    ids: randomIds,
    tokens: makeTokenService(config, clock),
    secrets: scryptHasher,
    hasher: sha256Hasher,
    health: makeHealthCheck(table),
    demoHistory: local ? localDemoHistory : noDemoHistory,
    stores: stores.fresh,
    users: makeUserRepository(table),
    devices: devices.fresh,
    staff: makeStaffRepository(table),
    throttles: makeThrottleRepository(table),
    log: auditLog,
    rules: rules.fresh,
    gifts: makeGiftRepository(table),
    results: makeResultsRepository(table),
    writer,
    jobs: makeJobStateRepository(table),
    hot: {
      stores: stores.cached,
      rules: rules.cached,
      devices: devices.cached,
      writer: devices.remembering(writer),
      followUpRules: followUpRules.cached,
      alertSettings: alerts.cached,
      consentTexts: cachedConsentTexts(consentTexts),
    },
    // Contacts, consent, follow-ups and alerts
    answers: makeAnswerRecords(table),
    contacts,
    consentTexts,
    followUpRules: followUpRules.fresh,
    messages: makeMessageRepository(table),
    alerts: alerts.fresh,
    // The effect report: exposures and outcomes
    effects: makeEffectRepository(table),
    managers: makeStoreManagers(table),
    suppressions: makeSuppressionList(table),
    changes: tableChanges,
    signer: makeLinkSigner(config),
    mailer: makeMailer(config),
    sms: makeSmsSender(config),
    publicUrl: () => config.PUBLIC_URL ?? "http://127.0.0.1:8080",
    // Loyalty
    program,
    members,
    // Integrations: keys, purchases (a member's purchase may earn a stamp), webhooks out
    integrationKeys: makeIntegrationKeyRepository(table),
    purchases: makePurchaseRepository(table),
    purchaseLoyalty: makePurchaseLoyalty({ members, contacts, program }),
    webhookEndpoints: makeWebhookEndpointRepository(table),
    webhookOutbox: makeWebhookOutbox(table),
    webhookSources,
    // Loopback (and plain http to it) only on the local stack, so tests can run a receiver.
    webhookPolicy: { allowLoopback: local },
    webhookSender: makeWebhookSender({ allowLoopback: local }),
    secretBox: makeSecretBox(config),
  };
}

export type Deps = ReturnType<typeof makeDeps>;

let deps: Deps | undefined;

/** The process's dependencies, from the validated configuration, made on first use and kept. */
export function realDeps(): Deps {
  if (!deps) {
    const config = loadConfig();
    deps = makeDeps(config, { doc: makeDocumentClient(config), name: config.TABLE_NAME });
  }
  return deps;
}

/**
 * A handler or job built from the real dependencies on its first call, once per cold start. Importing its
 * module has no side effects, so tests import `makeMain` or `makeJob` and pass their own.
 */
export function wired<A extends unknown[], R>(make: (deps: Deps) => (...args: A) => R): (...args: A) => R {
  let fn: ((...args: A) => R) | undefined;
  return (...args) => {
    fn ??= make(realDeps());
    return fn(...args);
  };
}
