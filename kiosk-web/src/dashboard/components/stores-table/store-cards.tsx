/** The ranking on a phone: one card per store with its figures, sorted with a select instead of column buttons. */
import { useI18n } from "../../lib/i18n.ts";
import styles from "./store-cards.module.css";
import type { Key, Row, Sort } from "./stores-table.tsx";

interface Props {
  rows: Row[];
  columns: { key: Key; label: string }[];
  sort: Sort;
  setSort: (sort: Sort) => void;
  hrefFor: (storeId: string) => string;
  open: (storeId: string) => void;
}

export function StoreCards({ rows, columns, sort, setSort, hrefFor, open }: Props) {
  const { t, f } = useI18n();
  const o = t.overview;
  return (
    <div class={styles.cards}>
      <label class={styles.sort}>
        <span>{o.sortBy("")}</span>
        <select
          value={sort.key}
          onChange={(e) => {
            const key = e.currentTarget.value as Key;
            setSort({ key, desc: key !== "rank" && key !== "name" });
          }}
        >
          {columns.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <ol>
        {rows.map((row) => (
          <li key={row.storeId} class={styles.card} data-store={row.storeId}>
            <span class={styles.rank} role="img" aria-label={`${o.rank} ${row.rank ?? o.unranked}`}>
              {row.rank ?? t.none}
            </span>
            <a
              class={styles.name}
              href={hrefFor(row.storeId)}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                e.preventDefault();
                open(row.storeId);
              }}
            >
              {row.name}
            </a>
            <dl class={styles.figures}>
              <div>
                <dt>{o.answers}</dt>
                <dd>{f.int(row.total)}</dd>
              </div>
              <div>
                <dt>{o.csat}</dt>
                <dd>{f.percent(row.csat)}</dd>
              </div>
              <div>
                <dt>{o.index}</dt>
                <dd>{f.score(row.index)}</dd>
              </div>
              <div>
                <dt>{o.misuse}</dt>
                <dd>{f.int(row.misuse)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
