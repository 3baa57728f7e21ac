/** Alerts of the stores (negative spikes, low stock), newest first, each acknowledged with an optional note. */
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import type { Alert, DashboardApi, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./alerts.module.css";

export function Alerts({ api, stores }: PageProps) {
  const { t } = useI18n();
  const a = t.alerts;
  const [storeId, setStoreId] = useState("");
  const [status, setStatus] = useState<"open" | "all">("open");
  const { resource, retry } = useResource(
    (signal) => api.alerts(storeId || undefined, status, signal),
    [api, storeId, status],
  );
  return (
    <>
      <div class={ui.head}>
        <div>
          <h1>{a.title}</h1>
          <p>{a.intro}</p>
        </div>
      </div>
      <div class={`${ui.panel} ${ui.row}`}>
        <label class={ui.field}>
          <span>{a.store}</span>
          <select value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
            <option value="">{a.allStores}</option>
            {stores.map((s) => (
              <option key={s.storeId} value={s.storeId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label class={ui.field}>
          <span>{a.show}</span>
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as "open" | "all")}>
            <option value="open">{a.open}</option>
            <option value="all">{a.all}</option>
          </select>
        </label>
      </div>
      {resource.state !== "ready" ? (
        <Status resource={resource} onRetry={retry} />
      ) : resource.data.length === 0 ? (
        <p class={ui.panel}>{a.empty}</p>
      ) : (
        <ul class={ui.list}>
          {resource.data.map((alert) => (
            <AlertCard key={alert.alertId} alert={alert} stores={stores} api={api} onDone={retry} />
          ))}
        </ul>
      )}
    </>
  );
}

function AlertCard({
  alert,
  stores,
  api,
  onDone,
}: {
  alert: Alert;
  stores: Store[];
  api: DashboardApi;
  onDone: () => void;
}) {
  const { t, f, lang } = useI18n();
  const a = t.alerts;
  const store = stores.find((s) => s.storeId === alert.storeId);
  const zone = store?.timeZone ?? "UTC";
  const reasonLabel = (id: string) =>
    Object.values(store?.reasons ?? {})
      .flat()
      .find((r) => r.id === id)?.label[lang] ?? id;
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const acknowledge = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await api.acknowledgeAlert(alert.alertId, note.trim());
      onDone();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const titleId = `alert-${alert.alertId}`;
  return (
    <li class={`${ui.panel} ${styles.alert}`} aria-labelledby={titleId}>
      <div class={styles.top}>
        <h2 id={titleId}>
          {alert.kind === "negative-spike" ? a.spike : a.lowStock} · {store?.name ?? alert.storeId}
        </h2>
        <span class={`${ui.badge} ${alert.status === "open" ? ui.warn : ui.ok}`}>
          {alert.status === "open" ? a.pending : a.done}
        </span>
      </div>
      <div class={styles.facts}>
        <span class={ui.muted}>{f.dateTime(alert.at, zone)}</span>
        {alert.kind === "negative-spike" && alert.window && (
          <>
            <strong>{a.spikeText(alert.negative ?? 0, alert.answers ?? 0)}</strong>
            <span>{a.window(f.dateTime(alert.window.from, zone), f.dateTime(alert.window.to, zone))}</span>
          </>
        )}
        {alert.item && <strong>{a.stockText(alert.item.name, alert.item.available, alert.item.lowAt)}</strong>}
        {alert.reasons && alert.reasons.length > 0 && (
          <span>
            {a.reasons}: {alert.reasons.map((r) => `${reasonLabel(r.id)} (${r.count})`).join(", ")}
          </span>
        )}
      </div>
      {alert.comments && alert.comments.length > 0 && (
        <div>
          <span>{a.comments}:</span>
          <ul class={styles.quotes}>
            {alert.comments.map((c) => (
              <li key={c}>«{c}»</li>
            ))}
          </ul>
        </div>
      )}
      <span class={ui.muted}>
        {a.email(a.emailStatus[alert.emailStatus ?? ""] ?? alert.emailStatus ?? "—", alert.recipients)}
      </span>
      {alert.status === "acknowledged" ? (
        <p>
          {a.acknowledged(
            alert.acknowledgedBy ?? "",
            alert.acknowledgedAt ? f.dateTime(alert.acknowledgedAt, zone) : "",
          )}
          {alert.note && <span class={ui.muted}> · «{alert.note}»</span>}
        </p>
      ) : (
        <form class={styles.ack} onSubmit={acknowledge}>
          <label class={ui.field}>
            <span>{a.note}</span>
            <input value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit" class={ui.primary} disabled={busy} aria-busy={busy}>
            {a.acknowledge}
          </button>
          {failed && (
            <span class={ui.error} role="alert">
              {a.failed}
            </span>
          )}
        </form>
      )}
    </li>
  );
}
