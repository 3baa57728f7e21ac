/** The surprise-gift rules, read only, each with the figures that decide who wins and how often. */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { Status } from "../../components/status/status.tsx";
import type { Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { useResource } from "../../lib/use-resource.ts";
import type { PageProps } from "../page-props.ts";
import styles from "./rules.module.css";

export function Rules({ api, stores }: PageProps) {
  const { t } = useI18n();
  const { resource, retry } = useResource((signal) => api.surpriseRules(signal), [api]);
  return (
    <>
      <div class={styles.head}>
        <h1>{t.rules.title}</h1>
        <p>{t.rules.intro}</p>
      </div>
      {resource.state !== "ready" ? (
        <Status resource={resource} onRetry={retry} />
      ) : resource.data.length === 0 ? (
        <p>{t.rules.empty}</p>
      ) : (
        <ul class={styles.list}>
          {resource.data.map((rule) => (
            <RuleCard key={rule.id} rule={rule} stores={stores} />
          ))}
        </ul>
      )}
    </>
  );
}

function RuleCard({ rule, stores }: { rule: SurpriseRule; stores: Store[] }) {
  const { t, f, lang } = useI18n();
  const r = t.rules;
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
    <li class={styles.card} aria-labelledby={`rule-${rule.id}`}>
      <div class={styles.cardHead}>
        <h2 id={`rule-${rule.id}`}>{rule.name}</h2>
        <span class={rule.enabled ? styles.on : styles.off}>{rule.enabled ? r.enabled : r.disabled}</span>
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
    </li>
  );
}
