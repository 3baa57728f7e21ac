/**
 * Gift stock: what is on the shelf, reserved for winners and available, with a low-stock flag. Staff edit
 * the counts and thresholds and add items; the API upserts every item sent.
 */
import { useState } from "preact/hooks";
import type { StockRow, StoreApi } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { itemName } from "../../lib/item-name.ts";
import type { PanelNotice } from "../../lib/use-notices.ts";
import { Button } from "../button/button.tsx";
import { Notice } from "../notice/notice.tsx";
import { Panel } from "../panel/panel.tsx";
import type { StockItemInput } from "./stock-draft.ts";
import { StockEditor } from "./stock-editor.tsx";
import styles from "./stock-panel.module.css";

interface Props {
  api: StoreApi;
  items?: StockRow[];
  /** The panel's notice, kept on the console's board. */
  board: PanelNotice;
  onSaved: () => void;
}

export function StockPanel({ api, items, board, onSaved }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);

  async function save(next: StockItemInput[]) {
    try {
      await api.putStock(next);
      board.onNotice({ tone: "success", text: t.stock.saved });
      setEditing(false);
      onSaved();
    } catch {
      board.onNotice({ tone: "error", text: t.stock.failed });
    }
  }

  const action = !editing && items !== undefined && (
    <Button
      kind="secondary"
      onClick={() => {
        board.onNotice(undefined);
        setEditing(true);
      }}
    >
      {t.stock.edit}
    </Button>
  );
  return (
    <Panel id="stock" title={t.stock.title} extra={action}>
      {items === undefined && <p class={styles.empty}>{t.loading}</p>}
      {items && editing && <StockEditor items={items} onSave={save} onCancel={() => setEditing(false)} />}
      {items?.length === 0 && !editing && <p class={styles.empty}>{t.stock.empty}</p>}
      {items && items.length > 0 && !editing && <StockList items={items} />}
      <Notice value={board.notice} />
    </Panel>
  );
}

function StockList({ items }: { items: StockRow[] }) {
  const { t, lang } = useI18n();
  return (
    <ul class={styles.list}>
      {items.map((i) => (
        <li key={i.item} class={styles.item} data-item={i.item}>
          <span class={styles.name}>
            {itemName(i.name, lang)}
            {i.low && <span class={styles.low}>{t.stock.low}</span>}
          </span>
          <span class={styles.available}>
            <strong data-testid="available">{i.available}</strong> {t.stock.available(i.available)}
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
