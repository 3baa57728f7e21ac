/** Downloads the answers of the period as CSV; admins may include contact details. */
import { useState } from "preact/hooks";
import type { DashboardApi } from "../../lib/api.ts";
import { saveBlob } from "../../lib/download.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { DateRange } from "../../lib/range.ts";
import styles from "./export-button.module.css";

interface Props {
  api: DashboardApi;
  range: DateRange;
  storeId?: string;
  label: string;
  isAdmin: boolean;
}

export function ExportButton({ api, range, storeId, label, isAdmin }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [personal, setPersonal] = useState(false);

  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { blob, name } = await api.exportCsv(range, storeId, isAdmin && personal);
      saveBlob(blob, name);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class={styles.export}>
      {isAdmin && (
        <label class={styles.personal}>
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.currentTarget.checked)} />
          {t.store.exportPersonal}
        </label>
      )}
      <button type="button" class={styles.button} onClick={run} disabled={busy} aria-busy={busy}>
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path
            d="M10 3v9m0 0-4-4m4 4 4-4M4 15h12"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        {busy ? t.store.exporting : label}
      </button>
      {failed && (
        <p class={styles.error} role="alert">
          {t.store.exportFailed}
        </p>
      )}
    </div>
  );
}
