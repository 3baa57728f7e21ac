/**
 * Registers a gift given outside the rules: from stock or by name, with a reason. (The API's optional link to
 * an answer is for integrations: staff never see answer ids, so the console does not ask for one.)
 */
import { HandOverRequest } from "@sonrisa/shared/schemas/surprises";
import { useState } from "preact/hooks";
import type { StockRow, StoreApi } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { itemName } from "../../lib/item-name.ts";
import { errorText } from "../../lib/use-hand-over.ts";
import type { PanelNotice } from "../../lib/use-notices.ts";
import { Button } from "../button/button.tsx";
import { Field, inputClass } from "../field/field.tsx";
import { Notice } from "../notice/notice.tsx";
import styles from "./spontaneous-form.module.css";

interface Props {
  api: StoreApi;
  stock: StockRow[] | undefined;
  staffName: string | undefined;
  /** The form's notice, kept on the console's board. */
  board: PanelNotice;
  onDone: () => void;
}

const OTHER = "";

export function SpontaneousForm({ api, stock, staffName, board, onDone }: Props) {
  const { t, lang } = useI18n();
  const [item, setItem] = useState<string>();
  const [name, setName] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const { notice, onNotice: setNotice } = board;
  const chosen = item ?? stock?.find((i) => i.available > 0)?.item ?? OTHER;
  const stockItem = stock?.find((i) => i.item === chosen);

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = HandOverRequest.safeParse({
      kind: "spontaneous",
      gift: stockItem ? stockItem.name : name.trim(),
      reason: reason.trim(),
      ...(stockItem ? { stockItem: stockItem.item } : {}),
      ...(staffName ? { staffName } : {}),
    });
    if (!parsed.success) {
      const field = parsed.error.issues.map((i) => i.path.at(-1)).find((p) => p !== "kind");
      return setNotice({
        tone: "error",
        text: field === "gift" ? t.spontaneous.missingName : t.spontaneous.missingReason,
      });
    }
    setBusy(true);
    try {
      const gift = await api.handOver(parsed.data);
      setNotice({ tone: "success", text: t.spontaneous.done(itemName(gift.gift[lang], lang)) });
      setName("");
      setReason("");
      onDone();
    } catch (err) {
      setNotice({ tone: "error", text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class={styles.form} onSubmit={submit} noValidate>
      <p class={styles.intro}>{t.spontaneous.intro}</p>
      <Field id="sp-item" label={t.spontaneous.item}>
        <select id="sp-item" class={inputClass} value={chosen} onChange={(e) => setItem(e.currentTarget.value)}>
          {stock?.map((i) => (
            <option key={i.item} value={i.item} disabled={i.available <= 0}>
              {t.spontaneous.inStock(itemName(i.name, lang), i.available)}
            </option>
          ))}
          <option value={OTHER}>{t.spontaneous.other}</option>
        </select>
      </Field>
      {!stockItem && (
        <Field id="sp-name" label={t.spontaneous.name}>
          <input
            id="sp-name"
            class={inputClass}
            maxLength={80}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
      )}
      <ReasonField value={reason} onChange={setReason} />
      <Notice value={notice} />
      <Button type="submit" disabled={busy} class={styles.submit}>
        {t.spontaneous.submit}
      </Button>
    </form>
  );
}

function ReasonField({ value, onChange }: { value: string; onChange: (reason: string) => void }) {
  const { t } = useI18n();
  return (
    <Field id="sp-reason" label={t.spontaneous.reason}>
      <input
        id="sp-reason"
        class={inputClass}
        maxLength={200}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      <fieldset class={styles.chips}>
        <legend class="sr-only">{t.spontaneous.quick}</legend>
        {t.spontaneous.reasons.map((r) => (
          <button key={r} type="button" class={styles.chip} aria-pressed={value === r} onClick={() => onChange(r)}>
            {r}
          </button>
        ))}
      </fieldset>
    </Field>
  );
}
