/** What a closed kiosk shows: an event before its first day or after its last, or an archived store. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { EventDates } from "@sonrisa/shared/schemas/store";
import type { ClosedReason } from "../../lib/closed.ts";
import styles from "./closed.module.css";
import { closedMessages } from "./messages.ts";

interface Props {
  reason: ClosedReason;
  event?: EventDates;
  lang: Lang;
}

export function Closed({ reason, event, lang }: Props) {
  const t = closedMessages(lang);
  const day = (date: string) =>
    new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "es-ES", { dateStyle: "long", timeZone: "UTC" }).format(
      Date.parse(`${date}T00:00:00Z`),
    );
  const text =
    reason === "not-yet" && event
      ? t.notYet(day(event.start), day(event.end))
      : reason === "over"
        ? t.over
        : t.archived;
  return (
    <div class={styles.closed} data-testid="closed" data-reason={reason}>
      <svg class={styles.icon} viewBox="0 0 100 100" aria-hidden="true">
        <circle cx="50" cy="50" r="46" fill="var(--brand-soft)" />
        <path d="M32 46h36v26H32z" fill="var(--brand)" />
        <path d="M38 46v-8a12 12 0 0 1 24 0v8" fill="none" stroke="var(--brand)" stroke-width="7" />
      </svg>
      <h1 class={styles.title}>{reason === "over" ? t.thanks : t.title}</h1>
      <p class={styles.text}>{text}</p>
    </div>
  );
}
