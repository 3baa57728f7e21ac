/** The period's counts per rule (unconfirmed sends flagged) and, on demand, a rule's messages. */
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import type { FollowUpCounts, FollowUpRule } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import { statusClass } from "../contacts/contact-history.tsx";
import type { PageProps } from "../page-props.ts";
import styles from "./follow-ups.module.css";

const SHOWN: (keyof FollowUpCounts)[] = [
  "sent",
  "clicked",
  "clicks",
  "failed",
  "unknown",
  "created",
  "holdout",
  "expired",
  "suppressed",
  "cancelled",
];

export function Results({ api, range, stores, rules }: PageProps & { rules: FollowUpRule[] }) {
  const { t, f } = useI18n();
  const u = t.followUps;
  const { resource, retry } = useResource((signal) => api.followUpStats(range, signal), [api, range.from, range.to]);
  const [open, setOpen] = useState<string>();
  const name = (id: string) => rules.find((r) => r.id === id)?.name ?? id;
  return (
    <section class={ui.panel} aria-labelledby="follow-up-results">
      <h2 id="follow-up-results">
        {u.results} <span class={ui.muted}>· {t.rangeText(f.day(range.from, true), f.day(range.to, true))}</span>
      </h2>
      {resource.state !== "ready" ? (
        <Status resource={resource} onRetry={retry} />
      ) : (
        <ul class={ui.list}>
          {resource.data.rules.map(({ ruleId, counts }) => (
            <li key={ruleId} class={ui.list}>
              <div class={ui.row}>
                <h3>{name(ruleId)}</h3>
                {counts.unknown > 0 && (
                  <span class={`${ui.badge} ${ui.bad}`}>{`${counts.unknown} ${u.counts.unknown}`}</span>
                )}
                <button
                  type="button"
                  class={ui.button}
                  aria-expanded={open === ruleId}
                  onClick={() => setOpen(open === ruleId ? undefined : ruleId)}
                >
                  {u.showMessages}
                </button>
              </div>
              <dl class={ui.figures}>
                {SHOWN.map((key) => (
                  <div key={key}>
                    <dt>{u.counts[key]}</dt>
                    <dd>{f.int(counts[key])}</dd>
                  </div>
                ))}
              </dl>
              {counts.unknown > 0 && <p class={styles.hint}>{u.unknownHint}</p>}
              {open === ruleId && (
                <Messages api={api} ruleId={ruleId} title={u.messages(name(ruleId))} range={range} stores={stores} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Messages(props: Pick<PageProps, "api" | "range" | "stores"> & { ruleId: string; title: string }) {
  const { t, f } = useI18n();
  const u = t.followUps;
  const { resource, retry } = useResource(
    (signal) => props.api.followUpMessages(props.ruleId, props.range, signal),
    [props.api, props.ruleId, props.range.from, props.range.to],
  );
  const zone = (id: string) => props.stores.find((s) => s.storeId === id)?.timeZone ?? "UTC";
  if (resource.state !== "ready") return <Status resource={resource} onRetry={retry} />;
  const { messages } = resource.data;
  return (
    <div>
      <h4>{props.title}</h4>
      {messages.length === 0 ? (
        <p class={ui.muted}>{u.noMessages}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m.messageId} class={styles.message}>
              <span class={`${ui.badge} ${statusClass(m.status)}`}>{u.status[m.status] ?? m.status}</span>
              <span>{props.stores.find((s) => s.storeId === m.storeId)?.name ?? m.storeId}</span>
              <span class={ui.muted}>
                {u.due} {f.dateTime(m.sentAt ?? m.dueAt, zone(m.storeId))}
              </span>
              <span class={ui.muted}>{u.clicksOf(m.clicks)}</span>
              {m.reason && <span class={ui.muted}>{m.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
