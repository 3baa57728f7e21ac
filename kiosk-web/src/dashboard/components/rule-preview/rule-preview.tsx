/** "About 7 gifts a day at Madrid Centro at last week's volume", for the stores a rule gives most in. */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { useI18n } from "../../lib/i18n.ts";
import { previewRule, type Volume } from "../../lib/rule-preview.ts";
import styles from "./rule-preview.module.css";

const SHOWN = 3;

interface Props {
  rules: SurpriseRule[];
  index: number;
  /** Last week's answers per store; undefined while they load. */
  volumes: Volume[] | undefined;
}

export function RulePreview({ rules, index, volumes }: Props) {
  const { t, f } = useI18n();
  const p = t.ruleEditor.preview;
  const rule = rules[index];
  if (!rule || !volumes) return <p class={styles.line}>{t.loading}</p>;
  if (!rule.enabled) return <p class={styles.line}>{p.disabled}</p>;
  const stores = previewRule(rules, index, volumes);
  const volume = volumes
    .filter((v) => stores.some((s) => s.storeId === v.storeId))
    .some((v) => Object.values(v.counts).some((n) => n > 0));
  if (!volume) return <p class={styles.line}>{p.noVolume}</p>;
  if (stores.every((s) => s.reaching === 0)) return <p class={styles.line}>{p.shadowed}</p>;
  const conditional = rule.requireOptIn || rule.requireMember;
  return (
    <div class={styles.preview} data-testid="rule-preview">
      {conditional && <p class={styles.note}>{p.atMost}</p>}
      <ul>
        {stores.slice(0, SHOWN).map((s) => (
          <li key={s.storeId} class={styles.line}>
            {s.perDay < 1
              ? p.fewer(s.name)
              : s.capped
                ? p.capped(f.int(Math.round(s.perDay)), s.name)
                : p.perDay(f.int(Math.round(s.perDay)), s.name)}
          </li>
        ))}
      </ul>
      {stores.length > SHOWN && <p class={styles.note}>{p.more(stores.length - SHOWN)}</p>}
    </div>
  );
}
