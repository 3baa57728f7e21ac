/** The member lines of the thank-you: the stamp and the count, or that it comes later, or "not found, join?". */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { MemberResult } from "@sonrisa/shared/schemas/loyalty";
import { useEffect, useState } from "preact/hooks";
import styles from "./member.module.css";
import { memberMessages } from "./messages.ts";

/** After this long without the server's word, the stamp is said to come later (the answer waits in the queue). */
const LATER_MS = 1_600;

export function MemberNote({ member, lang }: { member: MemberResult | "waiting"; lang: Lang }) {
  const m = memberMessages(lang);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setOffline(true), LATER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (member === "waiting") {
    return (
      <p class={styles.note} data-testid="member-note">
        {offline ? m.later : m.waiting}
      </p>
    );
  }
  if (member.status === "unknown") {
    return (
      <section class={styles.result} data-testid="member-note">
        <p class={styles.resultTitle}>{m.unknown}</p>
        <p>{m.join}</p>
      </section>
    );
  }
  const stamps = member.stamps ?? 0;
  const of = member.of ?? 0;
  return (
    <section class={styles.result} data-testid="member-note">
      <p class={styles.resultTitle}>{member.status === "stamped" ? m.stamped : m.already}</p>
      <p class={styles.count} data-testid="member-stamps">
        {m.count(stamps, of)}
      </p>
      <ol class={styles.dots} aria-hidden="true">
        {Array.from({ length: Math.min(of, 12) }, (_, i) => (
          <li key={i} class={i < stamps ? styles.full : undefined} />
        ))}
      </ol>
    </section>
  );
}
