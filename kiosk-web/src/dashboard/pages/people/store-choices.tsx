/** Check boxes for a manager's stores. */
import styles from "../../components/admin-form/admin-form.module.css";
import type { Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";

interface Props {
  stores: Store[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string;
  id: string;
}

export function StoreChoices({ stores, chosen, onChange, error, id }: Props) {
  const { t } = useI18n();
  const toggle = (storeId: string, on: boolean) =>
    onChange(on ? [...chosen, storeId] : chosen.filter((s) => s !== storeId));
  return (
    <fieldset class={styles.choices} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend>{t.people.stores}</legend>
      {stores.map((store) => (
        <label key={store.storeId} class={styles.choice}>
          <input
            type="checkbox"
            checked={chosen.includes(store.storeId)}
            onChange={(e) => toggle(store.storeId, e.currentTarget.checked)}
          />
          {store.name}
        </label>
      ))}
      <span id={`${id}-hint`} class={styles.hint} style={{ flexBasis: "100%" }}>
        {t.people.storesHint}
      </span>
      {error && (
        <span id={`${id}-error`} class={styles.fieldError} style={{ flexBasis: "100%" }}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
