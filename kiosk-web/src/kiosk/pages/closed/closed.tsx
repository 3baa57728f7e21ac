/** What a closed kiosk shows: an event before its first day or after its last, or an archived store. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { EventDates } from "@sonrisa/shared/schemas/store";
import type { ClosedReason } from "../../lib/closed.ts";
// A value import from the entry's own modules, so this chunk loads after the entry and shares its Preact
// instead of splitting Preact into a chunk of its own (which would grow the start download).
import { messagesFor } from "../../lib/messages.ts";
import styles from "./closed.module.css";

interface Props {
  reason: ClosedReason;
  event?: EventDates;
  lang: Lang;
}

export function Closed({ reason, event, lang }: Props) {
  const t = messagesFor(lang);
  const day = (date: string) =>
    new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "es-ES", { dateStyle: "long", timeZone: "UTC" }).format(
      Date.parse(`${date}T00:00:00Z`),
    );
  const text =
    reason === "not-yet" && event
      ? t.closed.notYet(day(event.start), day(event.end))
      : reason === "over"
        ? t.closed.over
        : t.closed.archived;
  return (
    <div class={styles.closed} data-testid="closed" data-reason={reason}>
      <svg class={styles.icon} viewBox="0 0 100 100" aria-hidden="true">
        <circle cx="50" cy="50" r="46" fill="var(--brand-soft)" />
        <path d="M32 46h36v26H32z" fill="var(--brand)" />
        <path d="M38 46v-8a12 12 0 0 1 24 0v8" fill="none" stroke="var(--brand)" stroke-width="7" />
      </svg>
      <h1 class={styles.title}>{reason === "over" ? t.closed.thanks : t.closed.title}</h1>
      <p class={styles.text}>{text}</p>
    </div>
  );
}
