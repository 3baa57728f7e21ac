/** The stock editor's optional new item: its name, an id made from the name until staff type one, and its counts. */
import { useI18n } from "../../lib/i18n.ts";
import { Field, inputClass } from "../field/field.tsx";
import { type DraftProblem, type DraftRow, slugFromName } from "./stock-draft.ts";
import styles from "./stock-panel.module.css";

export interface NewItemDraft {
  name: string;
  /** The id as typed; unused until `idTyped`, the id being made from the name until then. */
  item: string;
  idTyped: boolean;
  quantity: string;
  lowAt: string;
}

export const NO_NEW_ITEM: NewItemDraft = { name: "", item: "", idTyped: false, quantity: "", lowAt: "" };

/** Whether staff started a new item; an untouched one is left out of the save. */
export function isStarted(draft: NewItemDraft): boolean {
  return Boolean(draft.name.trim() || (draft.idTyped && draft.item.trim()) || draft.quantity || draft.lowAt);
}

export function newItemRow(draft: NewItemDraft): DraftRow {
  const { name, quantity, lowAt } = draft;
  return { item: draft.idTyped ? draft.item : slugFromName(name), name, quantity, lowAt };
}

interface Props {
  value: NewItemDraft;
  errors?: Partial<Record<keyof DraftRow, DraftProblem>>;
  onChange: (value: NewItemDraft) => void;
}

export function NewItemFields({ value, errors, onChange }: Props) {
  const { t } = useI18n();
  const row = newItemRow(value);
  const set = (patch: Partial<NewItemDraft>) => onChange({ ...value, ...patch });
  const error = (field: keyof DraftRow) => (errors?.[field] ? t.stockErrors[errors[field]!] : undefined);
  // The control's description: its hint (when the field has one) and its error (when there is one).
  const input = (id: string, field: keyof DraftRow, hint: boolean) => ({
    id,
    class: inputClass,
    autoComplete: "off",
    "aria-describedby": [hint && `${id}-hint`, errors?.[field] && `${id}-error`].filter(Boolean).join(" ") || undefined,
    "aria-invalid": errors?.[field] ? true : undefined,
  });
  const digits = (text: string) => text.replace(/\D/g, "");

  return (
    <fieldset class={styles.newItem}>
      <legend class={styles.editName}>{t.stock.addTitle}</legend>
      <Field id="new-item-name" label={t.stock.newName} hint={t.stock.newNameHint} error={error("name")}>
        <input
          {...input("new-item-name", "name", true)}
          maxLength={80}
          value={value.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </Field>
      <Field id="new-item-id" label={t.stock.newId} hint={t.stock.newIdHint} error={error("item")}>
        <input
          {...input("new-item-id", "item", true)}
          autoCapitalize="none"
          spellcheck={false}
          maxLength={40}
          value={row.item}
          onInput={(e) => set({ item: e.currentTarget.value.toLowerCase(), idTyped: true })}
        />
      </Field>
      <div class={styles.newCounts}>
        <Field id="new-item-quantity" label={t.stock.quantity} error={error("quantity")}>
          <input
            {...input("new-item-quantity", "quantity", false)}
            inputMode="numeric"
            class={`${inputClass} ${styles.count}`}
            value={value.quantity}
            onInput={(e) => set({ quantity: digits(e.currentTarget.value) })}
          />
        </Field>
        <Field id="new-item-low" label={t.stock.lowAtField} error={error("lowAt")}>
          <input
            {...input("new-item-low", "lowAt", false)}
            inputMode="numeric"
            class={`${inputClass} ${styles.count}`}
            value={value.lowAt}
            onInput={(e) => set({ lowAt: digits(e.currentTarget.value) })}
          />
        </Field>
      </div>
    </fieldset>
  );
}
