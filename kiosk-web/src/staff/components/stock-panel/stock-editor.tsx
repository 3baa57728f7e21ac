/** Counted quantities per item, with − and + for thumbs; saves all items at once. */
import { useState } from "preact/hooks";
import type { StockRow } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { Button } from "../button/button.tsx";
import { inputClass } from "../field/field.tsx";
import styles from "./stock-panel.module.css";

interface Props {
  items: StockRow[];
  onSave: (quantities: Record<string, number>) => Promise<void>;
  onCancel: () => void;
}

export function StockEditor({ items, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => Object.fromEntries(items.map((i) => [i.item, String(i.quantity)])));
  const [busy, setBusy] = useState(false);
  const set = (item: string, value: string) => setValues((v) => ({ ...v, [item]: value.replace(/\D/g, "") }));
  const step = (item: string, by: number) => set(item, String(Math.max(0, Number(values[item] || 0) + by)));

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    await onSave(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v || 0)])));
    setBusy(false);
  }

  return (
    <form class={styles.editor} onSubmit={submit} noValidate>
      <p id="stock-edit-hint" class={styles.hint}>
        {t.stock.editHint}
      </p>
      {items.map((i) => (
        <div key={i.item} class={styles.editRow}>
          <label for={`qty-${i.item}`} class={styles.name}>
            {i.name}
          </label>
          <div class={styles.stepper}>
            <Button kind="secondary" aria-label={t.stock.minus(i.name)} onClick={() => step(i.item, -1)}>
              −
            </Button>
            <input
              id={`qty-${i.item}`}
              class={`${inputClass} ${styles.qty}`}
              inputMode="numeric"
              aria-label={t.stock.quantityOf(i.name)}
              aria-describedby="stock-edit-hint"
              value={values[i.item]}
              onInput={(e) => set(i.item, e.currentTarget.value)}
            />
            <Button kind="secondary" aria-label={t.stock.plus(i.name)} onClick={() => step(i.item, 1)}>
              +
            </Button>
          </div>
        </div>
      ))}
      <div class={styles.actions}>
        <Button kind="secondary" onClick={onCancel} disabled={busy}>
          {t.stock.cancel}
        </Button>
        <Button type="submit" disabled={busy}>
          {t.stock.save}
        </Button>
      </div>
    </form>
  );
}
