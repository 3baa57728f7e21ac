/** The fields of one follow-up rule, each template beside its preview. Changes go up whole, as a new rule. */
import ui from "../../components/admin-ui/admin-ui.module.css";
import type { FollowUpRule, Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import styles from "./follow-ups.module.css";
import { Preview } from "./preview.tsx";

interface Props {
  rule: FollowUpRule;
  stores: Store[];
  onChange: (rule: FollowUpRule) => void;
  onRemove: () => void;
}

const LANGS = ["es", "en"] as const;

export function RuleEditor({ rule, stores, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const u = t.followUps;
  const set = (patch: Partial<FollowUpRule>) => onChange({ ...rule, ...patch });
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  const id = (name: string) => `rule-${rule.id}-${name}`;
  const storeName =
    rule.stores === "all" ? (stores[0]?.name ?? "") : (stores.find((s) => s.storeId === rule.stores[0])?.name ?? "");
  const setTemplate = (lang: (typeof LANGS)[number], part: "subject" | "text" | "html", value: string) => {
    const current = rule.templates[lang] ?? { text: "" };
    const next = { ...current, [part]: value || undefined };
    set({ templates: { ...rule.templates, [lang]: next.text || next.subject || next.html ? next : undefined } });
  };
  return (
    <li class={`${ui.panel} ${styles.rule}`} aria-labelledby={id("title")}>
      <div class={styles.ruleHead}>
        <h2 id={id("title")}>{rule.name || rule.id}</h2>
        <div class={ui.row}>
          <label class={ui.check}>
            <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
            {u.enabled}
          </label>
          <button type="button" class={ui.danger} onClick={onRemove}>
            {u.remove}
          </button>
        </div>
      </div>
      <div class={styles.grid}>
        <label class={ui.field}>
          <span>{u.name}</span>
          <input value={rule.name} onInput={(e) => set({ name: e.currentTarget.value })} maxLength={80} />
        </label>
        <label class={ui.field}>
          <span>{u.stores}</span>
          <select
            value={rule.stores === "all" ? "all" : (rule.stores[0] ?? "all")}
            onChange={(e) => set({ stores: e.currentTarget.value === "all" ? "all" : [e.currentTarget.value] })}
          >
            <option value="all">{u.allStores}</option>
            {stores.map((s) => (
              <option key={s.storeId} value={s.storeId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <div class={styles.pair}>
          <label class={ui.field}>
            <span>{u.scores}</span>
            <input type="number" min={1} max={5} value={rule.minScore} onInput={(e) => set({ minScore: num(e) })} />
          </label>
          <label class={ui.field}>
            <span>{u.to}</span>
            <input type="number" min={1} max={5} value={rule.maxScore} onInput={(e) => set({ maxScore: num(e) })} />
          </label>
        </div>
        <label class={ui.field}>
          <span>{u.channel}</span>
          <select
            value={rule.channel}
            onChange={(e) => set({ channel: e.currentTarget.value as FollowUpRule["channel"] })}
          >
            <option value="email">{u.channels.email}</option>
            <option value="sms">{u.channels.sms}</option>
          </select>
        </label>
        <label class={ui.field}>
          <span>{u.delay}</span>
          <input type="number" min={0} value={rule.delayMinutes} onInput={(e) => set({ delayMinutes: num(e) })} />
        </label>
        <div class={styles.pair}>
          <label class={ui.field}>
            <span>{u.quiet}</span>
            <input
              type="time"
              value={rule.quietHours?.sendFrom ?? ""}
              onInput={(e) => set({ quietHours: hours(e.currentTarget.value, rule.quietHours?.sendUntil ?? "20:00") })}
            />
          </label>
          <label class={ui.field}>
            <span>{u.quietAnd}</span>
            <input
              type="time"
              value={rule.quietHours?.sendUntil ?? ""}
              onInput={(e) => set({ quietHours: hours(rule.quietHours?.sendFrom ?? "09:00", e.currentTarget.value) })}
            />
          </label>
        </div>
        <label class={ui.field}>
          <span>{u.expiry}</span>
          <input type="number" min={1} value={rule.expiryHours} onInput={(e) => set({ expiryHours: num(e) })} />
        </label>
        <label class={ui.field}>
          <span>{u.holdout}</span>
          <input
            type="number"
            min={0}
            max={50}
            value={rule.holdoutPercent}
            onInput={(e) => set({ holdoutPercent: num(e) })}
          />
        </label>
        <label class={ui.field}>
          <span>{u.cap}</span>
          <input
            type="number"
            min={0}
            value={rule.frequencyCapDays}
            onInput={(e) => set({ frequencyCapDays: num(e) })}
          />
        </label>
        <label class={ui.field}>
          <span>{u.reviewLink}</span>
          <input
            type="url"
            value={rule.links.review ?? ""}
            onInput={(e) => set({ links: { ...rule.links, review: e.currentTarget.value || undefined } })}
          />
        </label>
        <label class={ui.field}>
          <span>{u.socialLink}</span>
          <input
            type="url"
            value={rule.links.social ?? ""}
            onInput={(e) => set({ links: { ...rule.links, social: e.currentTarget.value || undefined } })}
          />
        </label>
      </div>
      <p class={styles.hint}>{u.placeholders}</p>
      <div class={styles.templates}>
        {LANGS.map((lang) => (
          <fieldset key={lang} class={styles.lang}>
            <legend>{u.template(lang)}</legend>
            <div>
              {rule.channel === "email" && (
                <label class={ui.field}>
                  <span>{u.subject}</span>
                  <input
                    value={rule.templates[lang]?.subject ?? ""}
                    onInput={(e) => setTemplate(lang, "subject", e.currentTarget.value)}
                  />
                </label>
              )}
              <label class={ui.field}>
                <span>{u.text}</span>
                <textarea
                  value={rule.templates[lang]?.text ?? ""}
                  onInput={(e) => setTemplate(lang, "text", e.currentTarget.value)}
                />
              </label>
              {rule.channel === "email" && (
                <label class={ui.field}>
                  <span>{u.html}</span>
                  <textarea
                    value={rule.templates[lang]?.html ?? ""}
                    onInput={(e) => setTemplate(lang, "html", e.currentTarget.value)}
                  />
                </label>
              )}
            </div>
            <Preview rule={rule} lang={lang} storeName={storeName} />
          </fieldset>
        ))}
      </div>
    </li>
  );
}

/** Empty start and end clear the hours (send at any time). */
function hours(sendFrom: string, sendUntil: string): FollowUpRule["quietHours"] {
  return sendFrom || sendUntil ? { sendFrom: sendFrom || "09:00", sendUntil: sendUntil || "20:00" } : undefined;
}
