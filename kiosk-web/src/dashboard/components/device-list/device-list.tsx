/**
 * A store's kiosks: name, online or offline since when, queue depth, version and undelivered answers, with
 * rename and revoke (after a confirmation). Revoked kiosks are listed apart, folded.
 */
import { useState } from "preact/hooks";
import { useNow } from "../../../common/use-now.ts";
import type { DashboardApi, DeviceSummary, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { kioskState } from "../../lib/kiosk-status.ts";
import buttons from "../buttons/buttons.module.css";
import { ConfirmDialog } from "../confirm-dialog/confirm-dialog.tsx";
import { controlProps, fieldStyles } from "../field/field.tsx";
import styles from "./device-list.module.css";

interface Props {
  api: DashboardApi;
  store: Store;
  devices: DeviceSummary[];
  onChanged: () => void;
}

export function DeviceList({ api, store, devices, onChanged }: Props) {
  const { t } = useI18n();
  const d = t.devices;
  const [revoking, setRevoking] = useState<DeviceSummary>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const active = devices.filter((x) => !x.revokedAt);
  const revoked = devices.filter((x) => x.revokedAt);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await api.revokeDevice(revoking.deviceId);
      setNotice(d.revoked);
      onChanged();
    } catch {
      setNotice(d.failed);
    } finally {
      setBusy(false);
      setRevoking(undefined);
    }
  };

  return (
    <>
      <p class="sr-only" role="status" aria-live="polite">
        {notice}
      </p>
      {active.length === 0 ? (
        <p class={styles.none}>{d.none}</p>
      ) : (
        <ul class={styles.list}>
          {active.map((device) => (
            <DeviceCard
              key={device.deviceId}
              api={api}
              store={store}
              device={device}
              onRenamed={(text) => {
                setNotice(text);
                onChanged();
              }}
              onRevoke={() => setRevoking(device)}
            />
          ))}
        </ul>
      )}
      {revoked.length > 0 && (
        <details class={styles.revoked}>
          <summary>{d.revokedList(revoked.length)}</summary>
          <ul class={styles.list}>
            {revoked.map((device) => (
              <DeviceCard key={device.deviceId} api={api} store={store} device={device} />
            ))}
          </ul>
        </details>
      )}
      {revoking && (
        <ConfirmDialog
          title={d.revokeTitle(nameOf(revoking, d.unnamed))}
          text={d.revokeText}
          confirm={d.revokeConfirm}
          busy={busy}
          onConfirm={revoke}
          onCancel={() => setRevoking(undefined)}
        />
      )}
    </>
  );
}

function nameOf(device: DeviceSummary, unnamed: string): string {
  return device.name ?? `${unnamed} · ${device.deviceId.slice(0, 8)}`;
}

interface CardProps {
  api: DashboardApi;
  store: Store;
  device: DeviceSummary;
  onRenamed?: (notice: string) => void;
  onRevoke?: () => void;
}

function DeviceCard({ api, store, device, onRenamed, onRevoke }: CardProps) {
  const { t, f } = useI18n();
  const d = t.devices;
  const now = useNow(30_000);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name ?? "");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const state = kioskState(device, now);
  const when = (iso: string) => f.dateTime(iso, store.timeZone);
  const label = nameOf(device, d.unnamed);
  const inputId = `name-${device.deviceId}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60) return setError(d.nameInvalid);
    setBusy(true);
    try {
      await api.renameDevice(device.deviceId, trimmed);
      setEditing(false);
      onRenamed?.(d.renamed);
    } catch {
      setError(d.failed);
    } finally {
      setBusy(false);
    }
  };

  const stateText =
    state.kind === "revoked"
      ? d.revokedOn(when(state.since))
      : state.kind === "online"
        ? d.online
        : state.kind === "offline"
          ? d.offlineSince(when(state.since))
          : d.neverSeen;
  const undelivered = device.undelivered
    ?.map((u) => `${f.int(u.count)} ${d.undeliveredCodes[u.code] ?? u.code}`)
    .join(", ");

  return (
    <li class={styles.card} data-device={device.deviceId} data-state={state.kind}>
      <div class={styles.top}>
        {editing ? (
          <form class={styles.rename} onSubmit={save}>
            <label class="sr-only" for={inputId}>
              {d.nameLabel}
            </label>
            <input
              {...controlProps(inputId, error || undefined)}
              maxLength={60}
              value={name}
              onInput={(e) => {
                setName(e.currentTarget.value);
                setError("");
              }}
            />
            <button type="submit" class={`${buttons.primary} ${buttons.small}`} disabled={busy}>
              {d.save}
            </button>
            <button type="button" class={`${buttons.secondary} ${buttons.small}`} onClick={() => setEditing(false)}>
              {d.cancel}
            </button>
            {error && (
              <p class={fieldStyles.error} id={`${inputId}-error`}>
                {error}
              </p>
            )}
          </form>
        ) : (
          <h3 class={styles.name}>{label}</h3>
        )}
        <p class={styles.state}>
          <span class={styles.dot} aria-hidden="true" />
          {stateText}
        </p>
      </div>
      <dl class={styles.facts}>
        <div>
          <dt>{d.queue}</dt>
          <dd data-fact="queue">{device.queueDepth === null ? d.unknown : f.int(device.queueDepth)}</dd>
        </div>
        <div>
          <dt>{d.version}</dt>
          <dd>{device.appVersion ?? d.unknown}</dd>
        </div>
        <div>
          <dt>{d.undelivered}</dt>
          <dd class={undelivered ? styles.warn : undefined}>{undelivered ?? d.undeliveredNone}</dd>
        </div>
        <div>
          <dt>{d.pairedAt}</dt>
          <dd>{when(device.pairedAt)}</dd>
        </div>
      </dl>
      {!device.revokedAt && !editing && (
        <div class={styles.actions}>
          <button
            type="button"
            class={`${buttons.secondary} ${buttons.small}`}
            aria-label={d.renameOf(label)}
            onClick={() => {
              setName(device.name ?? "");
              setEditing(true);
            }}
          >
            {d.rename}
          </button>
          <button
            type="button"
            class={`${buttons.danger} ${buttons.small}`}
            aria-label={d.revokeOf(label)}
            onClick={onRevoke}
          >
            {d.revoke}
          </button>
        </div>
      )}
    </li>
  );
}
