/** One contact's consent record, answers and messages; an admin's export and erasure (confirmed first). */
import { useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { MemberHistory } from "../../components/member-history/member-history.tsx";
import { Status } from "../../components/status/status.tsx";
import type { ConsentRecord, ContactDetail, DashboardApi, Store } from "../../lib/api.ts";
import { saveBlob } from "../../lib/download.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import { loyaltyMessages } from "../loyalty/messages.ts";
import styles from "./contacts.module.css";

interface Props {
  api: DashboardApi;
  contactId: string;
  stores: Store[];
  isAdmin: boolean;
  onClose: () => void;
  onErased: () => void;
}

export function ContactHistory({ api, contactId, stores, isAdmin, onClose, onErased }: Props) {
  const { t } = useI18n();
  const { resource, retry } = useResource((signal) => api.contact(contactId, signal), [api, contactId]);
  return (
    <section class={ui.panel} aria-label={t.contacts.ledger}>
      {resource.state !== "ready" ? (
        <Status resource={resource} onRetry={retry} />
      ) : (
        <Detail detail={resource.data} stores={stores} />
      )}
      {isAdmin && resource.data && <AdminActions api={api} contactId={contactId} onErased={onErased} />}
      <div>
        <button type="button" class={ui.button} onClick={onClose}>
          {t.contacts.close}
        </button>
      </div>
    </section>
  );
}

function Detail({ detail, stores }: { detail: ContactDetail; stores: Store[] }) {
  const { t, f, lang } = useI18n();
  const c = t.contacts;
  const storeName = (id: string) => stores.find((s) => s.storeId === id)?.name ?? id;
  const zone = (id: string) => stores.find((s) => s.storeId === id)?.timeZone ?? "UTC";
  const { contact } = detail;
  return (
    <>
      <h2 class={ui.wrap}>{contact.email ?? contact.phone ?? contact.contactId}</h2>
      <h3>{c.ledger}</h3>
      <ol class={ui.list}>
        {detail.ledger.map((record) => (
          <Record
            key={record.recordId}
            record={record}
            storeName={storeName}
            zone={zone(record.type === "grant" ? record.storeId : (contact.stores[0] ?? ""))}
          />
        ))}
      </ol>
      {detail.member && <MemberHistory member={detail.member} storeName={storeName} />}
      <h3>{c.answers}</h3>
      {detail.answers.length === 0 ? (
        <p class={ui.muted}>{c.none}</p>
      ) : (
        <ul class={ui.list}>
          {detail.answers.map((a) => (
            <li key={a.answerId}>
              <strong>{c.score(a.score)}</strong> · {storeName(a.storeId)} · {f.dateTime(a.at, zone(a.storeId))}
              {a.identified && <span class={ui.muted}> · {loyaltyMessages(lang).identified}</span>}
              {a.gift && <span class={ui.muted}> · {loyaltyMessages(lang).won(a.gift[lang])}</span>}
              {a.comment && <p class={ui.muted}>«{a.comment}»</p>}
            </li>
          ))}
        </ul>
      )}
      <h3>{c.messages}</h3>
      {detail.messages.length === 0 ? (
        <p class={ui.muted}>{c.none}</p>
      ) : (
        <ul class={ui.list}>
          {detail.messages.map((m) => (
            <li key={m.messageId}>
              <span class={`${ui.badge} ${statusClass(m.status)}`}>{t.followUps.status[m.status] ?? m.status}</span>{" "}
              {m.subject ?? m.ruleId} · {f.dateTime(m.sentAt ?? m.dueAt, zone(m.storeId))}
              {m.clicks > 0 && <span class={ui.muted}> · {t.followUps.clicksOf(m.clicks)}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A ledger record, its time on the wall clock of its store (a withdrawal: of the contact's first store). */
function Record({
  record,
  storeName,
  zone,
}: {
  record: ConsentRecord;
  storeName: (id: string) => string;
  zone: string;
}) {
  const { t, f } = useI18n();
  const c = t.contacts;
  const when = f.dateTime(record.at, zone);
  const channels = record.channels.map((ch) => c.channels[ch] ?? ch).join(", ");
  if (record.type === "withdrawal") {
    return (
      <li class={`${styles.record} ${styles.out}`}>
        <strong>
          {c.withdrawal} · {when}
        </strong>
        <span>{c.sources[record.source] ?? record.source}</span>
      </li>
    );
  }
  return (
    <li class={styles.record}>
      <strong>
        {c.grant} · {when} · {channels}
      </strong>
      <span>{c.grantText(storeName(record.storeId), record.version, record.lang)}</span>
      {record.textSha256 && (
        <span class={styles.hash} title={c.hash}>
          SHA-256 {record.textSha256}
        </span>
      )}
    </li>
  );
}

function AdminActions({ api, contactId, onErased }: { api: DashboardApi; contactId: string; onErased: () => void }) {
  const { t } = useI18n();
  const c = t.contacts;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    try {
      await work();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const exportData = () =>
    act(async () => {
      const { blob, name } = await api.exportContact(contactId);
      saveBlob(blob, name);
    });
  const erase = () =>
    act(async () => {
      await api.eraseContact(contactId);
      onErased();
    });
  return (
    <div class={ui.row}>
      <button type="button" class={ui.button} onClick={exportData} disabled={busy}>
        {c.export}
      </button>
      {!confirming ? (
        <button type="button" class={ui.danger} onClick={() => setConfirming(true)} disabled={busy}>
          {c.erase}
        </button>
      ) : (
        <div class={styles.confirm} role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-text">
          <strong id="erase-title">{c.eraseTitle}</strong>
          <p id="erase-text">{c.eraseText}</p>
          <div class={ui.row}>
            <button type="button" class={`${ui.danger} ${ui.solid}`} onClick={erase} disabled={busy} aria-busy={busy}>
              {busy ? c.erasing : c.eraseConfirm}
            </button>
            <button type="button" class={ui.button} onClick={() => setConfirming(false)} disabled={busy}>
              {c.cancel}
            </button>
          </div>
        </div>
      )}
      {failed && (
        <p class={ui.error} role="alert">
          {c.failed}
        </p>
      )}
    </div>
  );
}

export function statusClass(status: string): string {
  if (status === "sent") return ui.ok ?? "";
  if (status === "unknown" || status === "failed") return ui.bad ?? "";
  if (status === "pending" || status === "claimed") return ui.warn ?? "";
  return "";
}
