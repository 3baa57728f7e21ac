/** The rules' history: each change with who saved it and when, and what it changed, field by field. */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { RuleRevision, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { diffRules, type RuleField } from "../../lib/rule-diff.ts";
import styles from "./rule-revisions.module.css";

interface Props {
  revisions: RuleRevision[];
  stores: Store[];
  more: boolean;
  onMore: () => void;
}

export function RuleRevisions({ revisions, stores, more, onMore }: Props) {
  const { t, f } = useI18n();
  const v = t.revisions;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const value = useValue(stores);
  if (revisions.length === 0) return <p class={styles.empty}>{v.empty}</p>;
  return (
    <>
      <ol class={styles.list}>
        {revisions.map((revision) => (
          <li key={revision.id} class={styles.item}>
            <p class={styles.by}>{v.by(revision.by, f.dateTime(revision.at, zone))}</p>
            <ul class={styles.changes}>
              {diffRules(revision.before, revision.after).map((change, i) => (
                <li key={i}>
                  {change.kind === "reordered" ? (
                    v.reordered
                  ) : change.kind === "added" ? (
                    v.added(change.rule.name)
                  ) : change.kind === "removed" ? (
                    v.removed(change.rule.name)
                  ) : (
                    <>
                      {v.changed(change.rule.name)}:{" "}
                      {change.fields.map((c, j) => (
                        <span key={c.field} class={styles.field}>
                          {j > 0 && "; "}
                          {v.fields[c.field]} <del>{value(c.field, c.before)}</del> →{" "}
                          <ins>{value(c.field, c.after)}</ins>
                        </span>
                      ))}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {more && (
        <button type="button" class={styles.more} onClick={onMore}>
          {v.more}
        </button>
      )}
    </>
  );
}

/** A field's value as people read it. */
function useValue(stores: Store[]) {
  const { t, f, lang } = useI18n();
  const v = t.revisions;
  return (field: RuleField, value: unknown): string => {
    if (value === undefined || value === null) return v.none;
    if (typeof value === "boolean") return value ? v.yes : v.no;
    if (field === "stores") {
      return value === "all"
        ? t.rules.allStores
        : (value as string[]).map((id) => stores.find((s) => s.storeId === id)?.name ?? id).join(", ");
    }
    if (field === "probability") return f.odds(value as number);
    if (field === "holdoutPercent") return f.odds((value as number) / 100);
    if (field === "gift") {
      const gift = value as SurpriseRule["gift"];
      return gift.stockItem ? `${gift.name[lang]} (${gift.stockItem})` : gift.name[lang];
    }
    return String(value);
  };
}
