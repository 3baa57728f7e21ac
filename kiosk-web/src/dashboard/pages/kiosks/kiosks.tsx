/** Admin only: a one-time pairing code for a store's tablet, shown large with the time it has left. */
import type { PairingCodeResponse } from "@sonrisa/shared/schemas/auth";
import { useState } from "preact/hooks";
import { useNow } from "../../../common/use-now.ts";
import type { Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./kiosks.module.css";

type Created = PairingCodeResponse & { storeId: string };

export function Kiosks({ api, stores }: PageProps) {
  const { t } = useI18n();
  const [storeId, setStoreId] = useState(stores[0]?.storeId ?? "");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [created, setCreated] = useState<Created>();

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
        <h1>{t.kiosks.title}</h1>
        <p>{t.kiosks.intro}</p>
      </div>
      <section class={styles.panel} aria-label={t.kiosks.title}>
        <form class={styles.form} onSubmit={create}>
          <label class={styles.field}>
            <span>{t.kiosks.store}</span>
            <select value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
              {stores.map((s) => (
                <option key={s.storeId} value={s.storeId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
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
