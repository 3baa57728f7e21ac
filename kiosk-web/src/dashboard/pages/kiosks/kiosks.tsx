/**
 * Admin and store managers: a store's kiosks (online or not, queue, version, undelivered; rename, revoke) and a
 * one-time pairing code for a new tablet, shown large with the time it has left.
 */
import type { PairingCodeResponse } from "@sonrisa/shared/schemas/auth";
import { useEffect, useState } from "preact/hooks";
import { useNow } from "../../../common/use-now.ts";
import { DeviceList } from "../../components/device-list/device-list.tsx";
import { Panel } from "../../components/panel/panel.tsx";
import { Status } from "../../components/status/status.tsx";
import type { Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./kiosks.module.css";

type Created = PairingCodeResponse & { storeId: string };

/** The list is read again this often, so a kiosk that pairs or goes quiet shows without a reload. */
const REFRESH_MS = 15_000;

export function Kiosks({ api, stores }: PageProps) {
  const { t } = useI18n();
  const open = stores.filter((s) => !s.archivedAt);
  const [storeId, setStoreId] = useState(open[0]?.storeId ?? "");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [created, setCreated] = useState<Created>();
  const [tick, setTick] = useState(0);
  const store = open.find((s) => s.storeId === storeId);
  const { resource, retry } = useResource(
    (signal) => (storeId ? api.devices(storeId, signal) : Promise.resolve([])),
    [api, storeId, tick],
  );
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      setCreated({ ...(await api.createPairingCode(storeId)), storeId });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div class={styles.head}>
        <h1>{t.devices.title}</h1>
        <p>{t.devices.intro}</p>
        <label class={styles.field}>
          <span>{t.kiosks.store}</span>
          <select value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
            {open.map((s) => (
              <option key={s.storeId} value={s.storeId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {store && (
        <Panel id="devices" title={t.devices.listTitle(store.name)}>
          {resource.data && resource.state !== "error" ? (
            <DeviceList
              api={api}
              store={store}
              devices={resource.data.filter((d) => d.storeId === store.storeId)}
              onChanged={() => setTick((n) => n + 1)}
            />
          ) : (
            <Status resource={resource} onRetry={retry} />
          )}
        </Panel>
      )}
      <section class={styles.panel} aria-labelledby="pair-title">
        <div class={styles.pairHead}>
          <h2 id="pair-title">{t.kiosks.title}</h2>
          <p>{t.kiosks.intro}</p>
        </div>
        <form class={styles.form} onSubmit={create}>
          <button type="submit" class={styles.create} disabled={busy || !storeId}>
            {busy ? t.kiosks.creating : t.kiosks.create}
          </button>
        </form>
        {failed && (
          <p class={styles.error} role="alert">
            {t.kiosks.failed}
          </p>
        )}
        <p class="sr-only" role="status">
          {created ? `${t.kiosks.code}: ${created.code.split("").join(" ")}` : ""}
        </p>
        {created && <PairingCode created={created} store={stores.find((s) => s.storeId === created.storeId)} />}
      </section>
    </>
  );
}

function PairingCode({ created, store }: { created: Created; store: Store | undefined }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const [copied, setCopied] = useState(false);
  const left = Math.max(0, Math.ceil((Date.parse(created.expiresAt) - now) / 1000));
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  const copy = async () => {
    await navigator.clipboard?.writeText(created.code).then(
      () => setCopied(true),
      () => undefined,
    );
  };
  return (
    <div class={styles.result} data-expired={left === 0}>
      <p class={styles.label}>{t.kiosks.code}</p>
      <p class={styles.code} data-testid="pairing-code">
        <span>{created.code.slice(0, 4)}</span>
        <span>{created.code.slice(4)}</span>
      </p>
      <p class={styles.for}>{t.kiosks.forStore(store?.name ?? created.storeId)}</p>
      {left > 0 ? (
        <p class={styles.expiry}>
          <span class={styles.dot} aria-hidden="true" />
          {t.kiosks.expiresIn(clock)}
        </p>
      ) : (
        <p class={styles.expired} role="alert">
          {t.kiosks.expired}
        </p>
      )}
      {left > 0 && (
        <button type="button" class={styles.copy} onClick={copy}>
          {copied ? t.kiosks.copied : t.kiosks.copy}
        </button>
      )}
    </div>
  );
}
