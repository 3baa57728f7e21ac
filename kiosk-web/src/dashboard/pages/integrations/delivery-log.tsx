/**
 * An endpoint's delivery log, newest first: each message's event, its `webhook-id`, its state and every attempt
 * with the status code the endpoint answered; a replay sends a message again under the same id.
 */
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import type { DashboardApi, WebhookEndpoint, WebhookMessage } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import { useEventLabel } from "./event-label.ts";
import styles from "./integrations.module.css";
import { useLocalTime } from "./use-local-time.ts";

const BADGE = { delivered: ui.ok, pending: ui.warn, sending: ui.warn, failed: ui.bad, cancelled: "" } as const;

export function DeliveryLog({ api, endpoint, tick }: { api: DashboardApi; endpoint: WebhookEndpoint; tick: number }) {
  const { t } = useI18n();
  const m = t.integrations.messages;
  const [replays, setReplays] = useState(0);
  const { resource, retry } = useResource(
    (signal) => api.webhookMessages(endpoint.endpointId, signal),
    [api, endpoint.endpointId, tick, replays],
  );
  const [replayed, setReplayed] = useState<string>();
  const [failed, setFailed] = useState(false);

  const replay = async (message: WebhookMessage) => {
    setFailed(false);
    try {
      await api.replayWebhookMessage(endpoint.endpointId, message.messageId);
      setReplayed(message.messageId);
      setReplays((n) => n + 1);
    } catch {
      setFailed(true);
    }
  };

  if (!resource.data) return <Status resource={resource} onRetry={retry} />;
  if (!resource.data.messages.length) return <p class={styles.muted}>{m.empty}</p>;
  return (
    <div class={styles.log}>
      <p class="sr-only" role="status">
        {replayed ? m.replayed : ""}
      </p>
      {failed && (
        <p class={ui.error} role="alert">
          {t.errors.load}
        </p>
      )}
      <table class={styles.table}>
        <caption class="sr-only">{t.integrations.endpoints.log}</caption>
        <thead>
          <tr>
            <th scope="col">{m.event}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.attempts}</th>
            <th scope="col">
              <span class="sr-only">{m.replay}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {resource.data.messages.map((message) => (
            <MessageRow
              key={message.messageId}
              message={message}
              replayed={replayed === message.messageId}
              onReplay={() => replay(message)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MessageRow({
  message,
  replayed,
  onReplay,
}: {
  message: WebhookMessage;
  replayed: boolean;
  onReplay: () => void;
}) {
  const { t } = useI18n();
  const time = useLocalTime();
  const eventLabel = useEventLabel();
  const m = t.integrations.messages;
  return (
    <tr data-message={message.messageId} data-status={message.status}>
      <td>
        <strong>{eventLabel(message.eventType)}</strong>
        {message.test && <span class={ui.badge}>{m.test}</span>}
        <br />
        <code class={styles.code} title={m.id}>
          {message.messageId}
        </code>
      </td>
      <td>
        <span class={`${ui.badge} ${BADGE[message.status]}`}>{m.state[message.status]}</span>
        {message.reason && <p class={styles.muted}>{message.reason}</p>}
        {message.nextAttemptAt && <p class={styles.muted}>{m.next(time(message.nextAttemptAt))}</p>}
        {replayed && <p class={styles.muted}>{m.replayed}</p>}
      </td>
      <td>
        <span class="sr-only">{m.attemptCount(message.attempts.length)}</span>
        <ol class={styles.attempts}>
          {message.attempts.map((a) => (
            <li key={`${a.at}-${a.trigger}`} data-code={a.status ?? ""}>
              <span class={`${ui.badge} ${a.status !== null && a.status < 300 ? ui.ok : ui.bad}`}>
                {a.status ?? m.noAnswer}
              </span>{" "}
              {time(a.at)}
            </li>
          ))}
        </ol>
      </td>
      <td>
        {message.status !== "sending" && (
          <button type="button" class={ui.button} onClick={onReplay} aria-label={`${m.replay} ${message.messageId}`}>
            {m.replay}
          </button>
        )}
      </td>
    </tr>
  );
}
