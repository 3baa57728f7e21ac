/**
 * Admin: a new store, or one store's settings. Checked as typed with the shared schema (the API checks the
 * same, plus what only it knows: a taken id, a consent version kept with other words); archive at the end.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import buttons from "../../components/buttons/buttons.module.css";
import { ConfirmDialog } from "../../components/confirm-dialog/confirm-dialog.tsx";
import { Status } from "../../components/status/status.tsx";
import { StoreForm } from "../../components/store-form/store-form.tsx";
import { ApiError, type ConsentVersion, type Store } from "../../lib/api.ts";
import { errorsByPath, type Issue, issuesOf } from "../../lib/field-errors.ts";
import { useI18n } from "../../lib/i18n.ts";
import { paths } from "../../lib/paths.ts";
import { checkDraft, draftOf, newDraft, type StoreDraft, settingsOf } from "../../lib/store-draft.ts";
import { wordStoreIssue } from "../../lib/store-errors.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./store-settings.module.css";

/** What the save bar says, as a key so it follows a change of language. */
type Notice =
  | { kind: "saved" }
  | { kind: "failed" }
  | { kind: "idTaken" }
  | { kind: "check"; count: number }
  | undefined;

export function StoreSettingsPage(props: PageProps & { storeId?: string }) {
  const { api, storeId } = props;
  const { resource, retry } = useResource(
    async (signal) =>
      storeId
        ? { store: await api.store(storeId, signal), consents: await api.consents(storeId, signal) }
        : { store: undefined, consents: [] },
    [api, storeId],
  );
  if (!resource.data || resource.state === "error") return <Status resource={resource} onRetry={retry} />;
  return (
    <Editor
      key={storeId ?? "new"}
      {...props}
      store={resource.data.store}
      consents={resource.data.consents}
      onSaved={retry}
    />
  );
}

interface EditorProps extends PageProps {
  store: Store | undefined;
  consents: ConsentVersion[];
  onSaved: () => void;
}

function Editor({ api, store, consents, onSaved, reloadStores }: EditorProps) {
  const { t, f } = useI18n();
  const { route } = useLocation();
  const creating = !store;
  const today = useMemo(() => new Intl.DateTimeFormat("en-CA").format(new Date()), []);
  const [draft, setDraft] = useState<StoreDraft>(() =>
    store ? draftOf(store, today) : newDraft(Intl.DateTimeFormat().resolvedOptions().timeZone, today),
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [archiving, setArchiving] = useState(false);
  const s = t.storeForm;

  const issues = useMemo(() => checkDraft(draft, creating), [draft, creating]);
  const errors = useMemo(
    () => errorsByPath([...serverIssues, ...issues], (issue) => wordStoreIssue(issue, t)),
    [issues, serverIssues, t],
  );
  const errorAt = (key: string) => (tried || touched.has(key) ? errors.get(key) : undefined);
  const shown = [...errors.keys()].filter((key) => tried || touched.has(key)).length;

  useEffect(() => {
    document.title = `${creating ? s.newTitle : s.editTitle(store.name)} · ${t.product}`;
  }, [creating, store, s, t]);

  const change = (next: StoreDraft) => {
    setDraft(next);
    setServerIssues([]);
    setNotice(undefined);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (issues.length > 0) {
      setNotice({ kind: "check", count: errors.size });
      return;
    }
    setBusy(true);
    try {
      if (creating) {
        const created = await api.createStore({ id: draft.id, ...settingsOf(draft) });
        reloadStores?.();
        route(paths.storeSettings(created.storeId));
      } else {
        await api.putStore(store.storeId, settingsOf(draft));
        reloadStores?.();
        setNotice({ kind: "saved" });
        setTried(false);
        setTouched(new Set());
        onSaved();
      }
    } catch (err) {
      // A consent version kept with other words is the version's fault: the error sits on the version.
      const fromServer = (err instanceof ApiError ? issuesOf(err.details) : []).map((issue) =>
        issue.params?.problem === "consent_changed" ? { ...issue, path: ["consent", "version"] } : issue,
      );
      if (err instanceof ApiError && err.status === 409 && creating) {
        setServerIssues([{ code: "custom", path: ["id"], message: "", params: {} }]);
        setNotice({ kind: "idTaken" });
      } else if (fromServer.length > 0) {
        setServerIssues(fromServer);
        setNotice({ kind: "check", count: fromServer.length });
      } else {
        setNotice({ kind: "failed" });
      }
    } finally {
      setBusy(false);
    }
  };

  const archive = async () => {
    if (!store) return;
    setBusy(true);
    try {
      await api.archiveStore(store.storeId);
      setArchiving(false);
      reloadStores?.();
      onSaved();
    } catch {
      setNotice({ kind: "failed" });
      setArchiving(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div class={styles.head}>
        <a class={styles.back} href={paths.storesAdmin}>
          ← {s.back}
        </a>
        <div class={styles.titleRow}>
          <h1>{creating ? s.newTitle : s.editTitle(store.name)}</h1>
          <button type="submit" form="store-form" class={buttons.primary} disabled={busy}>
            {busy ? s.saving : creating ? s.create : s.save}
          </button>
        </div>
        {store?.archivedAt && (
          <p class={styles.archived}>{s.archivedOn(f.dateTime(store.archivedAt, store.timeZone))}</p>
        )}
      </div>
      <form
        id="store-form"
        class={styles.form}
        noValidate
        onSubmit={save}
        onFocusOut={(e) => {
          const name = (e.target as HTMLInputElement).name;
          if (name && !touched.has(name)) setTouched(new Set(touched).add(name));
        }}
      >
        <StoreForm
          draft={draft}
          creating={creating}
          errorAt={(key) =>
            key === "id" && serverIssues.some((i) => i.path[0] === "id") ? s.errors.idTaken : errorAt(key)
          }
          onChange={change}
          consents={consents}
        />
        <div class={styles.bar}>
          <p class={notice?.kind === "saved" ? styles.good : styles.bad} role="status" aria-live="polite">
            {notice?.kind === "saved"
              ? s.saved
              : notice?.kind === "failed"
                ? s.failed
                : notice?.kind === "idTaken"
                  ? s.errors.idTaken
                  : notice?.kind === "check"
                    ? t.validation.summary(notice.count)
                    : shown > 0
                      ? t.validation.summary(shown)
                      : ""}
          </p>
          <div class={styles.buttons}>
            {store && !store.archivedAt && (
              <button type="button" class={buttons.danger} onClick={() => setArchiving(true)}>
                {s.archive}
              </button>
            )}
            <button type="submit" class={buttons.primary} disabled={busy}>
              {busy ? s.saving : creating ? s.create : s.save}
            </button>
          </div>
        </div>
      </form>
      {archiving && store && (
        <ConfirmDialog
          title={s.archiveTitle(store.name)}
          text={s.archiveText}
          confirm={s.archiveConfirm}
          busy={busy}
          onConfirm={archive}
          onCancel={() => setArchiving(false)}
        />
      )}
    </>
  );
}
