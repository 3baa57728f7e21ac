/** The programme's changes, newest first: when, who, and which parts changed. */
import type { LoyaltyRevision } from "@sonrisa/shared/schemas/loyalty";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./loyalty.module.css";
import type { LoyaltyMessages } from "./messages.ts";

/** The top-level fields that differ between two programmes. */
export function changedFields(revision: LoyaltyRevision): string[] {
  if (!revision.before) return [];
  const before = revision.before as Record<string, unknown>;
  const after = revision.after as Record<string, unknown>;
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function Revisions({ revisions, m }: { revisions: LoyaltyRevision[]; m: LoyaltyMessages }) {
  const { lang } = useI18n();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <section class={ui.panel} aria-labelledby="loyalty-revisions">
      <h2 id="loyalty-revisions">{m.revisions}</h2>
      {revisions.length === 0 ? (
        <p class={ui.muted}>{m.noRevisions}</p>
      ) : (
        <ol class={styles.revisions}>
          {revisions.map((r) => {
            const fields = changedFields(r);
            return (
              <li key={r.id}>
                <span>{m.revision(r.by, when(r.at))}</span>
                <span class={ui.muted}>
                  {r.before ? `${m.changed} ${fields.map((f) => m.fields[f] ?? f).join(", ")}` : m.created}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
