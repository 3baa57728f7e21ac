/** One item's counts in the stock editor: the quantity in store with − and +, and its low-stock threshold. */
import { useI18n } from "../../lib/i18n.ts";
import { itemName } from "../../lib/item-name.ts";
import { Button } from "../button/button.tsx";
import { FieldError, inputClass } from "../field/field.tsx";
import type { DraftProblem, DraftRow } from "./stock-draft.ts";
import styles from "./stock-panel.module.css";

interface Props {
  row: DraftRow;
  errors?: Partial<Record<keyof DraftRow, DraftProblem>>;
  onChange: (patch: Partial<DraftRow>) => void;
}

const digits = (text: string) => text.replace(/\D/g, "");

export function ItemCounts({ row, errors, onChange }: Props) {
  const { t, lang } = useI18n();
  const name = itemName(row.name, lang);
  const id = `stock-${row.item}`;
  const problem = errors?.quantity ?? errors?.lowAt;
  const step = (by: number) => onChange({ quantity: String(Math.max(0, Number(row.quantity || 0) + by)) });
  // Each count is named by its column label and the item: "En tienda, Café".
  const count = (field: "quantity" | "lowAt") => ({
    id: `${id}-${field}`,
    class: `${inputClass} ${styles.count}`,
    inputMode: "numeric" as const,
    autoComplete: "off",
    value: row[field],
    "aria-labelledby": `${id}-${field}-label ${id}`,
    "aria-describedby": errors?.[field] ? `stock-edit-hint ${id}-error` : "stock-edit-hint",
    "aria-invalid": errors?.[field] ? true : undefined,
    onInput: (e: { currentTarget: HTMLInputElement }) => onChange({ [field]: digits(e.currentTarget.value) }),
  });

  return (
    <fieldset class={styles.editRow} data-item={row.item}>
      <legend id={id} class={styles.editName}>
        {name}
      </legend>
      <div class={styles.editField}>
        <label id={`${id}-quantity-label`} for={`${id}-quantity`} class={styles.editLabel}>
          {t.stock.quantity}
        </label>
        <div class={styles.stepper}>
          <Button kind="secondary" aria-label={t.stock.minus(name)} onClick={() => step(-1)}>
            −
          </Button>
          <input {...count("quantity")} />
          <Button kind="secondary" aria-label={t.stock.plus(name)} onClick={() => step(1)}>
            +
          </Button>
        </div>
      </div>
      <div class={styles.editField}>
        <label id={`${id}-lowAt-label`} for={`${id}-lowAt`} class={styles.editLabel}>
          {t.stock.lowAtField}
        </label>
        <input {...count("lowAt")} />
      </div>
      {problem && <FieldError id={`${id}-error`} class={styles.wide} text={t.stockErrors[problem]} />}
    </fieldset>
  );
}
