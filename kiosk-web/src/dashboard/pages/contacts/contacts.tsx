/**
 * Contacts with active consent (or the one a search finds), each with its consent record, answers and messages;
 * admins download the CSV, export a person's data and erase a person, after a confirmation.
 */
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import type { Contact, DashboardApi, Store } from "../../lib/api.ts";
import { saveBlob } from "../../lib/download.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import { ContactHistory } from "./contact-history.tsx";
import styles from "./contacts.module.css";

export function Contacts({ api, session, stores }: PageProps) {
  const { t } = useI18n();
  const c = t.contacts;
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const { resource, retry } = useResource((signal) => api.contacts(q, signal), [api, q]);
  const isAdmin = session.role === "admin";

  const search = (event: Event) => {
    event.preventDefault();
    setSelected(undefined);
    setQ(draft.trim());
  };
  const onErased = () => {
    setSelected(undefined);
    setNotice(c.erased);
    retry();
  };

  return (
    <>
      <div class={ui.head}>
        <div>
          <h1>{c.title}</h1>
          <p>{c.intro}</p>
        </div>
        {isAdmin && <CsvButton api={api} />}
      </div>
      <form class={`${ui.panel} ${ui.row}`} onSubmit={search}>
        <label class={ui.field}>
          <span>{c.search}</span>
          <input type="search" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} autoComplete="off" />
        </label>
        <button type="submit" class={ui.primary}>
          {c.searchButton}
        </button>
        {q && (
          <button
            type="button"
            class={ui.button}
            onClick={() => {
              setDraft("");
              setQ("");
            }}
          >
            {c.clear}
          </button>
        )}
      </form>
      {notice && (
        <p class={ui.panel} role="status">
          {notice}
        </p>
      )}
      <div class={`${styles.layout} ${selected ? styles.withDetail : ""}`}>
        <section class={ui.panel} aria-label={c.listLabel}>
          {resource.state !== "ready" ? (
            <Status resource={resource} onRetry={retry} />
          ) : resource.data.contacts.length === 0 ? (
            <p class={ui.muted}>{q ? c.notFound : c.empty}</p>
          ) : (
            <ul class={ui.list}>
              {resource.data.contacts.map((contact) => (
                <ContactRow
                  key={contact.contactId}
                  contact={contact}
                  stores={stores}
                  current={contact.contactId === selected}
                  onOpen={() => {
                    setNotice(undefined);
                    setSelected(contact.contactId === selected ? undefined : contact.contactId);
                  }}
                />
              ))}
            </ul>
          )}
        </section>
        {selected && (
          <ContactHistory
            api={api}
            contactId={selected}
            stores={stores}
            isAdmin={isAdmin}
            onClose={() => setSelected(undefined)}
            onErased={onErased}
          />
        )}
      </div>
    </>
  );
}

function ContactRow(props: { contact: Contact; stores: Store[]; current: boolean; onOpen: () => void }) {
  const { t, f } = useI18n();
  const { contact } = props;
  const c = t.contacts;
  const primary = contact.email ?? contact.phone ?? contact.social.map((s) => `@${s.handle}`)[0] ?? contact.contactId;
  const others = [contact.phone, ...contact.social.map((s) => `${s.network} @${s.handle}`)].filter(
    (v): v is string => Boolean(v) && v !== primary,
  );
  const storeNames = contact.stores.map((id) => props.stores.find((s) => s.storeId === id)?.name ?? id).join(", ");
  return (
    <li class={styles.contact} aria-current={props.current ? "true" : undefined}>
      <div class={styles.ids}>
        <strong>{primary}</strong>
        {others.length > 0 && <span>{others.join(" · ")}</span>}
      </div>
      <button type="button" class={ui.button} onClick={props.onOpen} aria-expanded={props.current}>
        {props.current ? c.close : c.open}
      </button>
      <div class={styles.meta}>
        <span class={`${ui.badge} ${contact.consent.active ? ui.ok : ui.bad}`}>
          {contact.consent.active ? c.active : c.withdrawn}
        </span>
        {contact.consent.since && <span>{c.since(f.day(contact.consent.since.slice(0, 10), true))}</span>}
        <span>{storeNames}</span>
      </div>
    </li>
  );
}

function CsvButton({ api }: { api: DashboardApi }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { blob, name } = await api.contactsCsv();
      saveBlob(blob, name);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class={ui.row}>
      <button type="button" class={ui.button} onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? t.contacts.csvBusy : t.contacts.csv}
      </button>
      {failed && (
        <span class={ui.error} role="alert">
          {t.contacts.failed}
        </span>
      )}
    </div>
  );
}
