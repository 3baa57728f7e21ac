/**
 * Webhook endpoints: the list (address, events, on or off, the secret's prefix), a form for a new one, its
 * signing secret shown once (and again after a rotation), a test event of any type, and each one's delivery log.
 */
import { WEBHOOK_EVENT_TYPES } from "@sonrisa/shared/schemas/webhooks";
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import type { DashboardApi, WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import { DeliveryLog } from "./delivery-log.tsx";
import { useEventLabel } from "./event-label.ts";
import styles from "./integrations.module.css";
import { SecretOnce } from "./secret-once.tsx";
import { useLocalTime } from "./use-local-time.ts";

export function EndpointsPanel({ api }: { api: DashboardApi }) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const { resource, retry } = useResource((signal) => api.webhookEndpoints(signal), [api, tick]);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret>();
  const shown = (s: WebhookEndpointWithSecret) => {
    setSecret(s);
    setTick((n) => n + 1);
  };

  return (
    <section class={ui.panel} aria-labelledby="endpoints-title">
      <div>
        <h2 id="endpoints-title">{t.integrations.endpoints.title}</h2>
        <p class={styles.muted}>{t.integrations.endpoints.intro}</p>
      </div>
      {resource.data ? (
        resource.data.length ? (
          <ul class={ui.list}>
            {resource.data.map((e) => (
              <EndpointRow
                key={e.endpointId}
                api={api}
                endpoint={e}
                onChanged={() => setTick((n) => n + 1)}
                onSecret={shown}
              />
            ))}
          </ul>
        ) : (
          <p class={styles.muted}>{t.integrations.endpoints.none}</p>
        )
      ) : (
        <Status resource={resource} onRetry={retry} />
      )}
      {secret ? (
        <SecretOnce
          title={`${t.integrations.endpoints.secretTitle} · ${secret.endpoint.url}`}
          hint={t.integrations.endpoints.secretHint}
          secret={secret.secret}
          onDone={() => setSecret(undefined)}
        />
      ) : (
        <NewEndpointForm api={api} onCreated={shown} />
      )}
    </section>
  );
}

interface RowProps {
  api: DashboardApi;
  endpoint: WebhookEndpoint;
  onChanged: () => void;
  onSecret: (s: WebhookEndpointWithSecret) => void;
}

function EndpointRow({ api, endpoint, onChanged, onSecret }: RowProps) {
  const { t } = useI18n();
  const time = useLocalTime();
  const eventLabel = useEventLabel();
  const w = t.integrations.endpoints;
  const [type, setType] = useState<WebhookEventType>(endpoint.events[0] ?? "answer.stored");
  const [busy, setBusy] = useState<"test" | "toggle" | "rotate">();
  const [failed, setFailed] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const [logTick, setLogTick] = useState(0);

  const act = async (what: "test" | "toggle" | "rotate", run: () => Promise<unknown>) => {
    setBusy(what);
    setFailed(false);
    try {
      await run();
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
    }
  };
  const sendTest = () =>
    act("test", async () => {
      await api.sendTestWebhook(endpoint.endpointId, type);
      setLogOpen(true);
      setLogTick((n) => n + 1);
    });
  const toggle = () =>
    act("toggle", async () => {
      await api.updateWebhookEndpoint(endpoint.endpointId, { active: !endpoint.active });
      onChanged();
    });
  const rotate = () => act("rotate", async () => onSecret(await api.rotateWebhookSecret(endpoint.endpointId)));

  return (
    <li class={styles.item} data-endpoint={endpoint.endpointId}>
      <div class={styles.itemHead}>
        <h3 class={ui.wrap}>{endpoint.url}</h3>
        <span class={`${ui.badge} ${endpoint.active ? ui.ok : ui.warn}`}>{endpoint.active ? w.active : w.paused}</span>
      </div>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p class={ui.wrap}>{endpoint.events.map((e) => eventLabel(e)).join(" · ")}</p>
      <p class={styles.muted}>
        <code class={styles.code}>{w.secret(endpoint.secretPrefix)}</code>
        {endpoint.previousSecretUntil && <> · {w.rotated(time(endpoint.previousSecretUntil))}</>}
      </p>
      <div class={ui.row}>
        <label class={ui.field}>
          <span>{w.testType}</span>
          <select value={type} onChange={(e) => setType(e.currentTarget.value as WebhookEventType)}>
            {WEBHOOK_EVENT_TYPES.map((e) => (
              <option key={e} value={e}>
                {eventLabel(e)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class={ui.primary} disabled={!endpoint.active || busy !== undefined} onClick={sendTest}>
          {busy === "test" ? w.sending : w.sendTest}
        </button>
      </div>
      <div class={ui.row}>
        <button type="button" class={ui.button} aria-expanded={logOpen} onClick={() => setLogOpen(!logOpen)}>
          {logOpen ? w.hideLog : w.log}
        </button>
        <button type="button" class={ui.button} disabled={busy !== undefined} onClick={toggle}>
          {endpoint.active ? w.pause : w.resume}
        </button>
        <button type="button" class={ui.button} disabled={busy !== undefined} onClick={rotate}>
          {w.rotate}
        </button>
      </div>
      {failed && (
        <p class={ui.error} role="alert">
          {w.failed}
        </p>
      )}
      {logOpen && <DeliveryLog api={api} endpoint={endpoint} tick={logTick} />}
    </li>
  );
}

function NewEndpointForm({ api, onCreated }: { api: DashboardApi; onCreated: (s: WebhookEndpointWithSecret) => void }) {
  const { t } = useI18n();
  const eventLabel = useEventLabel();
  const w = t.integrations.endpoints;
  const [url, setUrl] = useState("https://");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      const created = await api.createWebhookEndpoint({ url, events, ...(description ? { description } : {}) });
      setUrl("https://");
      setDescription("");
      setEvents([]);
      onCreated(created);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={styles.form} onSubmit={submit}>
      <div class={ui.row}>
        <label class={ui.field}>
          <span>{w.url}</span>
          <input type="url" value={url} maxLength={2000} required onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label class={ui.field}>
          <span>{w.description}</span>
          <input value={description} maxLength={100} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
      </div>
      <fieldset class={styles.choices}>
        <legend>{w.events}</legend>
        {WEBHOOK_EVENT_TYPES.map((e) => (
          <label key={e} class={ui.check}>
            <input
              type="checkbox"
              checked={events.includes(e)}
              onChange={(ev) => setEvents(ev.currentTarget.checked ? [...events, e] : events.filter((x) => x !== e))}
            />
            {eventLabel(e)}
          </label>
        ))}
      </fieldset>
      {failed && (
        <p class={ui.error} role="alert">
          {w.failed}
        </p>
      )}
      <div class={ui.row}>
        <button type="submit" class={ui.primary} disabled={busy || !events.length}>
          {busy ? w.creating : w.create}
        </button>
      </div>
    </form>
  );
}
