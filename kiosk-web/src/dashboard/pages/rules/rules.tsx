/**
 * The surprise-gift rules, editable by marketing and admins: create, edit, pause, reorder and delete, each
 * with a preview of the gifts a day it would give at last week's volume; every change is saved as the whole
 * list (PUT /v1/surprise-rules, checked as a whole) and listed in the history below.
 */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { addDays } from "@sonrisa/shared/time";
import { useEffect, useMemo, useState } from "preact/hooks";
import buttons from "../../components/buttons/buttons.module.css";
import { ConfirmDialog } from "../../components/confirm-dialog/confirm-dialog.tsx";
import { Panel } from "../../components/panel/panel.tsx";
import { RuleForm } from "../../components/rule-form/rule-form.tsx";
import { RulePreview } from "../../components/rule-preview/rule-preview.tsx";
import { RuleRevisions } from "../../components/rule-revisions/rule-revisions.tsx";
import { Status } from "../../components/status/status.tsx";
import { ApiError, type RuleRevision, type Store } from "../../lib/api.ts";
import { errorsByPath, type Issue, issuesOf } from "../../lib/field-errors.ts";
import { useI18n } from "../../lib/i18n.ts";
import { latestToday } from "../../lib/range.ts";
import { checkRule, newRuleDraft, type RuleDraft, ruleDraftOf, ruleOf, wordRuleIssue } from "../../lib/rule-draft.ts";
import type { Volume } from "../../lib/rule-preview.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./rules.module.css";

/** The rule being edited: its place in the list (the end for a new one) and its form. */
interface Editing {
  index: number;
  isNew: boolean;
  draft: RuleDraft;
}

export function Rules({ api, stores }: PageProps) {
  const { t } = useI18n();
  const r = t.ruleEditor;
  const { resource, retry } = useResource((signal) => api.surpriseRules(signal), [api]);
  const [saved, setSaved] = useState<SurpriseRule[]>();
  const rules = saved ?? resource.data;
  const lastWeek = useMemo(() => {
    const today = latestToday(stores.map((s) => s.timeZone));
    return { from: addDays(today, -7), to: addDays(today, -1) };
  }, [stores]);
  const volumes = useResource(
    (signal) =>
      api
        .allResults(lastWeek, false, signal)
        .then((all) => all.stores.map((s): Volume => ({ storeId: s.storeId, name: s.name, counts: s.counts }))),
    [api, lastWeek.from],
  );
  const [history, setHistory] = useState<{ items: RuleRevision[]; cursor: string | null }>();
  const loadHistory = async (cursor?: string) => {
    const page = await api.ruleRevisions(cursor).catch(() => undefined);
    if (page)
      setHistory((h) => ({ items: [...(cursor ? (h?.items ?? []) : []), ...page.revisions], cursor: page.cursor }));
  };
  useEffect(() => void loadHistory(), [api]);

  const [editing, setEditing] = useState<Editing>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [removing, setRemoving] = useState<SurpriseRule>();

  const save = async (next: SurpriseRule[]): Promise<Issue[] | undefined> => {
    setBusy(true);
    try {
      setSaved(await api.putSurpriseRules(next));
      setNotice(r.saved);
      void loadHistory();
      return undefined;
    } catch (err) {
      setNotice(r.failed);
      return err instanceof ApiError ? issuesOf(err.details) : [];
    } finally {
      setBusy(false);
    }
  };

  if (!rules) return <Status resource={resource} onRetry={retry} />;
  const move = (i: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    next.splice(i + by, 0, rule!);
    void save(next);
  };

  return (
    <>
      <div class={styles.head}>
        <div>
          <h1>{t.rules.title}</h1>
          <p>{t.rules.intro}</p>
        </div>
        {!editing && (
          <button
            type="button"
            class={buttons.primary}
            onClick={() => setEditing({ index: rules.length, isNew: true, draft: newRuleDraft() })}
          >
            + {r.new}
          </button>
        )}
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {editing ? "" : notice}
      </p>
      {rules.length === 0 && !editing && <p>{t.rules.empty}</p>}
      <ol class={styles.list}>
        {rules.map((rule, i) =>
          editing && !editing.isNew && editing.index === i ? (
            <li key={rule.id}>
              <Editor
                editing={editing}
                rules={rules}
                stores={stores}
                volumes={volumes.resource.data}
                busy={busy}
                onChange={setEditing}
                onCancel={() => setEditing(undefined)}
                onSave={save}
              />
            </li>
          ) : (
            <RuleCard
              key={rule.id}
              rule={rule}
              rules={rules}
              index={i}
              stores={stores}
              volumes={volumes.resource.data}
              busy={busy || Boolean(editing)}
              onToggle={() => void save(rules.map((x, j) => (j === i ? { ...x, enabled: !x.enabled } : x)))}
              onEdit={() => setEditing({ index: i, isNew: false, draft: ruleDraftOf(rule) })}
              onMove={(by) => move(i, by)}
              onRemove={() => setRemoving(rule)}
            />
          ),
        )}
        {editing?.isNew && (
          <li>
            <Editor
              editing={editing}
              rules={rules}
              stores={stores}
              volumes={volumes.resource.data}
              busy={busy}
              onChange={setEditing}
              onCancel={() => setEditing(undefined)}
              onSave={save}
            />
          </li>
        )}
      </ol>
      <Panel id="revisions" title={t.revisions.title}>
        {history ? (
          <RuleRevisions
            revisions={history.items}
            stores={stores}
            more={Boolean(history.cursor)}
            onMore={() => void loadHistory(history.cursor ?? undefined)}
          />
        ) : (
          <p>{t.loading}</p>
        )}
      </Panel>
      {removing && (
        <ConfirmDialog
          title={r.removeTitle(removing.name)}
          text={r.removeText}
          confirm={r.remove}
          busy={busy}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            void save(rules.filter((x) => x.id !== removing.id)).then(() => setRemoving(undefined));
          }}
        />
      )}
    </>
  );
}

interface EditorProps {
  editing: Editing;
  rules: SurpriseRule[];
  stores: Store[];
  volumes: Volume[] | undefined;
  busy: boolean;
  onChange: (editing: Editing) => void;
  onCancel: () => void;
  onSave: (rules: SurpriseRule[]) => Promise<Issue[] | undefined>;
}

function Editor({ editing, rules, stores, volumes, busy, onChange, onCancel, onSave }: EditorProps) {
  const { t } = useI18n();
  const r = t.ruleEditor;
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [notice, setNotice] = useState("");
  const rule = ruleOf(editing.draft);
  const candidate = editing.isNew ? [...rules, rule] : rules.map((x, i) => (i === editing.index ? rule : x));
  const issues = checkRule(candidate, editing.index);
  const errors = errorsByPath([...serverIssues, ...issues], (issue) => wordRuleIssue(issue, t));
  const errorAt = (key: string) => (tried || touched.has(key) ? errors.get(key) : undefined);
  const title = editing.isNew ? r.newTitle : r.editTitle(rules[editing.index]?.name ?? rule.name);

  const submit = async () => {
    setTried(true);
    if (issues.length > 0) return setNotice(t.validation.summary(errors.size));
    const failed = await onSave(candidate);
    if (!failed) return onCancel();
    setServerIssues(failed.map((i) => ({ ...i, path: i.path.slice(2) })));
    setNotice(failed.length > 0 ? t.validation.summary(failed.length) : r.failed);
  };

  return (
    <RuleForm
      title={title}
      draft={editing.draft}
      isNew={editing.isNew}
      stores={stores.filter((s) => !s.archivedAt)}
      errorAt={errorAt}
      busy={busy}
      notice={notice || (tried && errors.size > 0 ? t.validation.summary(errors.size) : "")}
      preview={<RulePreview rules={candidate} index={editing.index} volumes={volumes} />}
      onChange={(draft) => {
        setServerIssues([]);
        setNotice("");
        onChange({ ...editing, draft });
      }}
      onSubmit={submit}
      onCancel={onCancel}
      onTouch={(key) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key)))}
    />
  );
}

interface CardProps {
  rule: SurpriseRule;
  rules: SurpriseRule[];
  index: number;
  stores: Store[];
  volumes: Volume[] | undefined;
  busy: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

function RuleCard({ rule, rules, index, stores, volumes, busy, onToggle, onEdit, onMove, onRemove }: CardProps) {
  const { t, f, lang } = useI18n();
  const r = t.rules;
  const e = t.ruleEditor;
  const storeNames =
    rule.stores === "all"
      ? r.allStores
      : rule.stores.map((id) => stores.find((s) => s.storeId === id)?.name ?? id).join(", ");
  const requires =
    [rule.requireOptIn && r.optIn, rule.requireMember && r.member].filter(Boolean).join(", ") || r.nothing;
  const figures: [string, string][] = [
    [r.stores, storeNames],
    [r.scores, r.scoreRange(rule.minScore, rule.maxScore)],
    [r.picks, rule.probability !== undefined ? r.odds(f.odds(rule.probability)) : r.everyNth(rule.everyNth ?? 1)],
    [r.budget, r.perStore(rule.dailyBudget)],
    [r.holdout, f.odds(rule.holdoutPercent / 100)],
    [r.requires, requires],
  ];
  return (
    <li class={styles.card} aria-labelledby={`rule-${rule.id}`} data-rule={rule.id}>
      <div class={styles.cardHead}>
        <h2 id={`rule-${rule.id}`}>{rule.name}</h2>
        <button
          type="button"
          role="switch"
          aria-checked={rule.enabled}
          aria-label={e.toggle(rule.name)}
          class={`${styles.switch} ${rule.enabled ? styles.on : styles.off}`}
          disabled={busy}
          onClick={onToggle}
        >
          <span class={styles.knob} aria-hidden="true" />
          {rule.enabled ? r.enabled : r.disabled}
        </button>
      </div>
      <p class={styles.gift}>
        <span>{r.gift}</span> {rule.gift.name[lang]}
      </p>
      <dl class={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div class={styles.preview}>
        <RulePreview rules={rules} index={index} volumes={volumes} />
      </div>
      <div class={styles.actions}>
        <button type="button" class={`${buttons.secondary} ${buttons.small}`} disabled={busy} onClick={onEdit}>
          <span aria-hidden="true">{e.edit}</span>
          <span class="sr-only">{e.editOf(rule.name)}</span>
        </button>
        <button
          type="button"
          class={`${buttons.secondary} ${buttons.icon}`}
          aria-label={e.moveUp(rule.name)}
          disabled={busy || index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          class={`${buttons.secondary} ${buttons.icon}`}
          aria-label={e.moveDown(rule.name)}
          disabled={busy || index === rules.length - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" class={`${buttons.danger} ${buttons.small}`} disabled={busy} onClick={onRemove}>
          <span aria-hidden="true">{e.remove}</span>
          <span class="sr-only">{e.removeOf(rule.name)}</span>
        </button>
      </div>
    </li>
  );
}
