/** Gift stock: what is on the shelf, reserved for winners and available, with a low-stock flag; quantities editable. */
import { useState } from "preact/hooks";
import type { StockRow, StoreApi } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { Button } from "../button/button.tsx";
import { Notice, type NoticeValue } from "../notice/notice.tsx";
import { Panel } from "../panel/panel.tsx";
import { StockEditor } from "./stock-editor.tsx";
import styles from "./stock-panel.module.css";

export function StockPanel({ api, items, onSaved }: { api: StoreApi; items?: StockRow[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>();

  async function save(quantities: Record<string, number>) {
    try {
      await api.putStock(
        (items ?? []).map(({ item, name, lowAt, quantity }) => ({
          item,
          name,
          lowAt,
          quantity: quantities[item] ?? quantity,
        })),
      );
      setNotice({ tone: "success", text: t.stock.saved });
      setEditing(false);
      onSaved();
    } catch {
      setNotice({ tone: "error", text: t.stock.failed });
    }
  }

  const canEdit = !editing && items !== undefined && items.length > 0;
  const action = canEdit && (
    <Button
      kind="secondary"
      onClick={() => {
        setNotice(undefined);
        setEditing(true);
      }}
    >
      {t.stock.edit}
    </Button>
  );
  return (
    <Panel id="stock" title={t.stock.title} extra={action}>
      {items === undefined && <p class={styles.empty}>{t.loading}</p>}
      {items?.length === 0 && <p class={styles.empty}>{t.stock.empty}</p>}
      {items && items.length > 0 && editing && (
        <StockEditor items={items} onSave={save} onCancel={() => setEditing(false)} />
      )}
      {items && items.length > 0 && !editing && <StockList items={items} />}
      <Notice value={notice} />
    </Panel>
  );
}

function StockList({ items }: { items: StockRow[] }) {
  const { t } = useI18n();
  return (
    <ul class={styles.list}>
      {items.map((i) => (
        <li key={i.item} class={styles.item} data-item={i.item}>
          <span class={styles.name}>
            {i.name}
            {i.low && <span class={styles.low}>{t.stock.low}</span>}
          </span>
          <span class={styles.available}>
            <strong data-testid="available">{i.available}</strong> {t.stock.available.toLowerCase()}
          </span>
          <span class={styles.meta}>
            {t.stock.quantity} <b data-testid="quantity">{i.quantity}</b> · {t.stock.reserved}{" "}
            <b data-testid="reserved">{i.reserved}</b> · {t.stock.lowAt(i.lowAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
