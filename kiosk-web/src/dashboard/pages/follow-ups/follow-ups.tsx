/**
 * Follow-up rules, edited as a whole (checked with the same schema as the server, and each store's languages)
 * with a preview of every template, and what the period's messages did: counts per rule, unconfirmed ones
 * flagged, and a rule's messages on demand.
 */
import { FollowUpRules } from "@sonrisa/shared/schemas/follow-ups";
import { useEffect, useState } from "preact/hooks";
import ui from "../../components/admin-ui/admin-ui.module.css";
import { Status } from "../../components/status/status.tsx";
import type { FollowUpRule, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./follow-ups.module.css";
import { Results } from "./results.tsx";
import { RuleEditor } from "./rule-editor.tsx";

type Issue = { path: string; message: string };

export function FollowUps(props: PageProps) {
  const { api, stores } = props;
  const { t } = useI18n();
  const u = t.followUps;
  const { resource, retry } = useResource((signal) => api.followUpRules(signal), [api]);
  const [rules, setRules] = useState<FollowUpRule[]>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  useEffect(() => {
    if (resource.state === "ready") setRules(resource.data);
  }, [resource]);

  const save = async () => {
    if (!rules) return;
    const found = check(rules, stores);
    setIssues(found);
    if (found.length) return setState("failed");
    setState("saving");
    try {
      setRules(await api.putFollowUpRules(rules));
      setState("saved");
    } catch (error) {
      setIssues([{ path: "", message: error instanceof Error ? error.message : String(error) }]);
      setState("failed");
    }
  };
  const update = (i: number, rule: FollowUpRule) => {
    setState("idle");
    setRules(rules?.map((r, j) => (j === i ? rule : r)));
  };

  return (
    <>
      <div class={ui.head}>
        <div>
          <h1>{u.title}</h1>
          <p>{u.intro}</p>
        </div>
      </div>
      <Results {...props} rules={rules ?? []} />
      {!rules ? (
        <Status resource={resource} onRetry={retry} />
      ) : (
        <section aria-label={u.rules} class={ui.list}>
          <h2>{u.rules}</h2>
          {rules.length === 0 && <p class={ui.muted}>{u.empty}</p>}
          <ul class={ui.list}>
            {rules.map((rule, i) => (
              <RuleEditor
                key={i}
                rule={rule}
                stores={stores}
                onChange={(next) => update(i, next)}
                onRemove={() => setRules(rules.filter((_, j) => j !== i))}
              />
            ))}
          </ul>
          <div class={ui.row}>
            <button type="button" class={ui.button} onClick={() => setRules([...rules, newRule(rules)])}>
              {u.add}
            </button>
            <button
              type="button"
              class={ui.primary}
              onClick={save}
              disabled={state === "saving"}
              aria-busy={state === "saving"}
            >
              {state === "saving" ? u.saving : u.save}
            </button>
            <span role="status" class={state === "failed" ? ui.error : ui.muted}>
              {state === "saved" ? u.saved : state === "failed" ? u.invalid : ""}
            </span>
          </div>
          {issues.length > 0 && (
            <ul class={styles.issues}>
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  {issue.path && `${u.errorAt(issue.path)} `}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

/** The server's checks, run first: the shared schema, and a template for every language of the stores reached. */
function check(rules: FollowUpRule[], stores: Store[]): Issue[] {
  const parsed = FollowUpRules.safeParse({ rules });
  const issues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  rules.forEach((rule, i) => {
    const reached = rule.stores === "all" ? stores : stores.filter((s) => rule.stores.includes(s.storeId));
    for (const lang of new Set(reached.flatMap((s) => s.languages))) {
      if (!rule.templates[lang])
        issues.push({ path: `rules.${i}.templates.${lang}`, message: `a store of this rule speaks ${lang}` });
    }
  });
  return issues;
}

function newRule(rules: FollowUpRule[]): FollowUpRule {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n++;
  const text = "{{storeName}}";
  return {
    id: `rule-${n}`,
    name: `Rule ${n}`,
    enabled: false,
    stores: "all",
    minScore: 4,
    maxScore: 5,
    channel: "email",
    delayMinutes: 60,
    quietHours: { sendFrom: "09:00", sendUntil: "20:00" },
    expiryHours: 48,
    templates: {
      es: {
        subject: `Gracias, ${text}`,
        text: `Gracias por tu visita a ${text}.`,
        html: `<p>Gracias por tu visita a ${text}.</p>`,
      },
      en: {
        subject: `Thank you, ${text}`,
        text: `Thank you for visiting ${text}.`,
        html: `<p>Thank you for visiting ${text}.</p>`,
      },
    },
    links: {},
    holdoutPercent: 10,
    frequencyCapDays: 7,
  };
}
