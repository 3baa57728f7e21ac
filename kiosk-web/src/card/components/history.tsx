/** The member's history: stamps with their reason, rewards with their state, newest first. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { MemberEvent } from "@sonrisa/shared/schemas/loyalty";
import styles from "../card.module.css";
import type { Messages } from "../messages.ts";

export function History({ events, lang, t }: { events: MemberEvent[]; lang: Lang; t: Messages }) {
  const when = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso));
  return (
    <section class={styles.history} aria-labelledby="history-title">
      <h2 id="history-title">{t.history}</h2>
      {events.length === 0 ? (
        <p class={styles.small}>{t.noHistory}</p>
      ) : (
        <ul>
          {events.map((e, i) => (
            <li key={`${e.at}${i}`}>
              <span>
                {e.kind === "stamp"
                  ? `+1 · ${t.reasons[e.reason ?? "visit"] ?? ""}${e.expired ? ` (${t.expired})` : ""}`
                  : `${t.rewardStatus[e.status ?? "issued"]} · ${e.gift?.[lang] ?? ""}`}
              </span>
              <time dateTime={e.at}>{when(e.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
