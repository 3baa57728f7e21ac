/**
 * The stock editor: each item's counted quantity and low-stock threshold, and one new item. The draft is
 * checked with the API's own schema before anything is sent; problems show inline, the first one focused.
 */
import { useRef, useState } from "preact/hooks";
import type { StockRow } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { Button } from "../button/button.tsx";
import { ItemCounts } from "./item-counts.tsx";
import { isStarted, NewItemFields, NO_NEW_ITEM, newItemRow } from "./new-item-fields.tsx";
import { checkDraft, type DraftRow, type StockItemInput } from "./stock-draft.ts";
import styles from "./stock-panel.module.css";

interface Props {
  items: StockRow[];
  onSave: (items: StockItemInput[]) => Promise<void>;
  onCancel: () => void;
}

const draftOf = ({ item, name, quantity, lowAt }: StockRow): DraftRow => ({
  item,
  name,
  quantity: String(quantity),
  lowAt: String(lowAt),
});

export function StockEditor({ items, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [rows, setRows] = useState(() => items.map(draftOf));
  const [fresh, setFresh] = useState(NO_NEW_ITEM);
  // Problems show once staff first try to save, then follow every change.
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const draft = isStarted(fresh) ? [...rows, newItemRow(fresh)] : rows;
  const check = checkDraft(draft);
  const errors = tried && !check.ok ? check.errors : {};
  const change = (index: number, patch: Partial<DraftRow>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function submit(e: Event) {
    e.preventDefault();
    setTried(true);
    if (!check.ok) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setBusy(true);
    await onSave(check.items);
    setBusy(false);
  }

  return (
    <form ref={form} class={styles.editor} onSubmit={submit} noValidate>
      <p id="stock-edit-hint" class={styles.hint}>
        {t.stock.editHint}
      </p>
      {rows.map((row, i) => (
        <ItemCounts key={row.item} row={row} errors={errors[i]} onChange={(patch) => change(i, patch)} />
      ))}
      <NewItemFields value={fresh} errors={errors[rows.length]} onChange={setFresh} />
      {Object.keys(errors).length > 0 && (
        <p class={styles.invalid} role="alert">
          {t.stock.invalid}
        </p>
      )}
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
