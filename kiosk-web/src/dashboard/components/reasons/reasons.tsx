/** The reasons shoppers picked, labelled from the store's settings and split into what works and what to fix. */
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import { textIn } from "@sonrisa/shared/store-text";
import type { Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./reasons.module.css";

type Group = "positive" | "neutral" | "negative";
const GROUPS: Group[] = ["positive", "negative", "neutral"];

export function Reasons({ reasons, store }: { reasons: StoreResults["reasons"]; store: Store | undefined }) {
  const { t, f, lang } = useI18n();
  const groupOf = (id: string): Group => GROUPS.find((g) => store?.reasons[g].some((r) => r.id === id)) ?? "neutral";
  const labelOf = (id: string) => {
    const label = GROUPS.flatMap((g) => store?.reasons[g] ?? []).find((r) => r.id === id)?.label;
    return label ? textIn(label, lang, lang) : id;
  };
  const max = Math.max(1, ...reasons.map((r) => r.count));
  const shown = GROUPS.filter((g) => g !== "neutral" || reasons.some((r) => groupOf(r.id) === "neutral"));

  if (reasons.length === 0) return <p class={styles.empty}>{t.store.noReasons}</p>;
  return (
    <div class={styles.groups}>
      {shown.map((group) => {
        const rows = reasons.filter((r) => groupOf(r.id) === group).slice(0, 6);
        return (
          <section key={group} class={styles.group} data-group={group} aria-labelledby={`reasons-${group}`}>
            <h3 id={`reasons-${group}`}>{t.store[group]}</h3>
            {rows.length === 0 ? (
              <p class={styles.empty}>{t.store.noReasons}</p>
            ) : (
              <ol>
                {rows.map((r) => (
                  <li key={r.id}>
                    <span class={styles.label}>{labelOf(r.id)}</span>
                    <span class={styles.count}>{f.int(r.count)}</span>
                    <span class={styles.track} aria-hidden="true">
                      <span style={{ width: `${(r.count / max) * 100}%` }} />
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
