/**
 * Integration keys: the list (prefix, stores, permissions, last use), a form for a new key scoped to stores and
 * permissions, its secret shown once, and revocation after a confirmation.
 */
import { INTEGRATION_PERMISSIONS, type IntegrationPermission } from "@sonrisa/shared/schemas/integrations";
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { ConfirmDialog } from "../../components/confirm-dialog/confirm-dialog.tsx";
import { Status } from "../../components/status/status.tsx";
import type { CreatedIntegrationKey, DashboardApi, IntegrationKey, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import styles from "./integrations.module.css";
import { SecretOnce } from "./secret-once.tsx";
import { useLocalTime } from "./use-local-time.ts";

interface Props {
  api: DashboardApi;
  stores: Store[];
}

export function KeysPanel({ api, stores }: Props) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const { resource, retry } = useResource((signal) => api.integrationKeys(signal), [api, tick]);
  const [created, setCreated] = useState<CreatedIntegrationKey>();
  const [revoking, setRevoking] = useState<IntegrationKey>();
  const [busy, setBusy] = useState(false);
  const [revokeFailed, setRevokeFailed] = useState(false);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeFailed(false);
    try {
      await api.revokeIntegrationKey(revoking.keyId);
    } catch {
      setRevokeFailed(true);
    } finally {
      setBusy(false);
      setRevoking(undefined);
      setTick((n) => n + 1);
    }
  };

  return (
    <section class={ui.panel} aria-labelledby="keys-title">
      <div>
        <h2 id="keys-title">{t.integrations.keys.title}</h2>
        <p class={styles.muted}>{t.integrations.keys.intro}</p>
      </div>
      {resource.data ? (
        resource.data.length ? (
          <ul class={ui.list}>
            {resource.data.map((key) => (
              <KeyRow key={key.keyId} item={key} stores={stores} onRevoke={() => setRevoking(key)} />
            ))}
          </ul>
        ) : (
          <p class={styles.muted}>{t.integrations.keys.none}</p>
        )
      ) : (
        <Status resource={resource} onRetry={retry} />
      )}
      {revokeFailed && (
        <p class={ui.error} role="alert">
          {t.integrations.keys.failed}
        </p>
      )}
      {created ? (
        <SecretOnce
          title={t.integrations.keys.secretTitle(created.key.name)}
          hint={t.integrations.keys.secretHint}
          secret={created.secret}
          onDone={() => setCreated(undefined)}
        />
      ) : (
        <NewKeyForm
          api={api}
          stores={stores}
          onCreated={(c) => {
            setCreated(c);
            setTick((n) => n + 1);
          }}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t.integrations.keys.revokeTitle}
          text={t.integrations.keys.revokeText(revoking.name)}
          confirm={t.integrations.keys.revokeConfirm}
          busy={busy}
          onConfirm={revoke}
          onCancel={() => setRevoking(undefined)}
        />
      )}
    </section>
  );
}

function KeyRow({ item, stores, onRevoke }: { item: IntegrationKey; stores: Store[]; onRevoke: () => void }) {
  const { t } = useI18n();
  const time = useLocalTime();
  const k = t.integrations.keys;
  const storeNames =
    item.stores === "all"
      ? k.allStores
      : item.stores.map((id) => stores.find((s) => s.storeId === id)?.name ?? id).join(", ");
  return (
    <li class={styles.item} data-key={item.keyId} data-revoked={Boolean(item.revokedAt)}>
      <div class={styles.itemHead}>
        <h3>{item.name}</h3>
        <code class={styles.code}>{item.prefix}_…</code>
        {item.revokedAt && <span class={`${ui.badge} ${ui.bad}`}>{k.revoked(time(item.revokedAt))}</span>}
      </div>
      <p class={ui.wrap}>
        {storeNames} · {item.permissions.join(", ")}
      </p>
      <p class={styles.muted}>
        {k.created(time(item.createdAt))} · {item.lastUsedAt ? k.lastUsed(time(item.lastUsedAt)) : k.neverUsed}
      </p>
      {!item.revokedAt && (
        <div class={ui.row}>
          <button type="button" class={ui.danger} onClick={onRevoke}>
            {k.revoke(item.name)}
          </button>
        </div>
      )}
    </li>
  );
}

function NewKeyForm({
  api,
  stores,
  onCreated,
}: {
  api: DashboardApi;
  stores: Store[];
  onCreated: (c: CreatedIntegrationKey) => void;
}) {
  const { t } = useI18n();
  const k = t.integrations.keys;
  const open = stores.filter((s) => !s.archivedAt);
  const [name, setName] = useState("");
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [permissions, setPermissions] = useState<IntegrationPermission[]>(["purchases:write"]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      const c = await api.createIntegrationKey({ name, stores: all ? "all" : chosen, permissions });
      setName("");
      onCreated(c);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={styles.form} onSubmit={submit}>
      <label class={ui.field}>
        <span>{k.name}</span>
        <input value={name} maxLength={60} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset class={styles.choices}>
        <legend>{k.stores}</legend>
        <label class={ui.check}>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
          {k.allStores}
        </label>
        {!all &&
          open.map((s) => (
            <label key={s.storeId} class={ui.check}>
              <input
                type="checkbox"
                checked={chosen.includes(s.storeId)}
                onChange={(e) => setChosen(toggle(chosen, s.storeId, e.currentTarget.checked))}
              />
              {s.name}
            </label>
          ))}
      </fieldset>
      <fieldset class={styles.choices}>
        <legend>{k.permissions}</legend>
        {INTEGRATION_PERMISSIONS.map((p) => (
          <label key={p} class={ui.check}>
            <input
              type="checkbox"
              checked={permissions.includes(p)}
              onChange={(e) => setPermissions(toggle(permissions, p, e.currentTarget.checked))}
            />
            {k.permission[p]}
          </label>
        ))}
      </fieldset>
      {failed && (
        <p class={ui.error} role="alert">
          {k.failed}
        </p>
      )}
      <div class={ui.row}>
        <button
          type="submit"
          class={ui.primary}
          disabled={busy || !name.trim() || !permissions.length || (!all && !chosen.length)}
        >
          {busy ? k.creating : k.create}
        </button>
      </div>
    </form>
  );
}
