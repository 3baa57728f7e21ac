/** Creating or editing one surprise rule: who qualifies, how winners are picked, the budget, the gift. */
import type { ComponentChildren } from "preact";
import type { Store } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import type { RuleDraft } from "../../lib/rule-draft.ts";
import { slugOf } from "../../lib/store-draft.ts";
import buttons from "../buttons/buttons.module.css";
import { controlProps, Field, fieldStyles } from "../field/field.tsx";
import styles from "./rule-form.module.css";

interface Props {
  title: string;
  draft: RuleDraft;
  isNew: boolean;
  stores: Store[];
  errorAt: (key: string) => string | undefined;
  busy: boolean;
  notice?: string;
  preview: ComponentChildren;
  onChange: (draft: RuleDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  onTouch: (key: string) => void;
}

const SCORES = [1, 2, 3, 4, 5];

export function RuleForm(props: Props) {
  const { title, draft, isNew, stores, errorAt, busy, notice, preview, onChange, onSubmit, onCancel, onTouch } = props;
  const { t } = useI18n();
  const r = t.ruleEditor;
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const num = (e: Event) => (e.currentTarget as HTMLInputElement).valueAsNumber;
  const field = (id: string, label: string, control: ComponentChildren, hint?: string) => (
    <Field id={`rule-${id}`} label={label} hint={hint} error={errorAt(id)}>
      {control}
    </Field>
  );
  const control = (id: string, hint?: string) => ({ ...controlProps(`rule-${id}`, errorAt(id), hint), name: id });
  const numberInput = (id: keyof RuleDraft, min: number, max: number, hint?: string) => (
    <input
      type="number"
      min={min}
      max={max}
      inputMode="decimal"
      {...control(id, hint)}
      value={Number.isNaN(draft[id] as number) ? "" : (draft[id] as number)}
      onInput={(e) => set({ [id]: num(e) })}
    />
  );

  return (
    <form
      class={styles.form}
      noValidate
      aria-labelledby="rule-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onFocusOut={(e) => {
        const name = (e.target as HTMLInputElement).name;
        if (name) onTouch(name);
      }}
    >
      <h2 id="rule-form-title">{title}</h2>
      <div class={styles.grid}>
        {field(
          "name",
          r.name,
          <input
            type="text"
            maxLength={80}
            {...control("name")}
            value={draft.name}
            onInput={(e) => {
              const name = e.currentTarget.value;
              // A new rule's identifier follows its name until someone edits it.
              set(isNew && draft.id === slugOf(draft.name) ? { name, id: slugOf(name) } : { name });
            }}
          />,
        )}
        {isNew &&
          field(
            "id",
            r.id,
            <input
              type="text"
              maxLength={40}
              spellcheck={false}
              {...control("id", r.idHint)}
              value={draft.id}
              onInput={(e) => set({ id: e.currentTarget.value })}
            />,
            r.idHint,
          )}
        <Field id="rule-enabled" label={r.enabled} inline wide>
          <input
            type="checkbox"
            {...control("enabled")}
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
        </Field>

        <fieldset class={`${styles.choices} ${styles.wide}`}>
          <legend>{r.stores}</legend>
          <label>
            <input
              type="radio"
              name="storesMode"
              class={fieldStyles.control}
              checked={draft.allStores}
              onChange={() => set({ allStores: true })}
            />
            {r.allStores}
          </label>
          <label>
            <input
              type="radio"
              name="storesMode"
              class={fieldStyles.control}
              checked={!draft.allStores}
              onChange={() => set({ allStores: false })}
            />
            {r.someStores}
          </label>
          {!draft.allStores && (
            <div class={styles.stores}>
              {stores.map((store) => (
                <label key={store.storeId}>
                  <input
                    type="checkbox"
                    name="stores"
                    class={fieldStyles.control}
                    checked={draft.stores.includes(store.storeId)}
                    aria-describedby={errorAt("stores") ? "rule-stores-error" : undefined}
                    onChange={(e) =>
                      set({
                        stores: e.currentTarget.checked
                          ? [...draft.stores, store.storeId]
                          : draft.stores.filter((id) => id !== store.storeId),
                      })
                    }
                  />
                  {store.name}
                </label>
              ))}
            </div>
          )}
          {errorAt("stores") && (
            <p class={fieldStyles.error} id="rule-stores-error">
              {errorAt("stores")}
            </p>
          )}
        </fieldset>

        {(["minScore", "maxScore"] as const).map((key) =>
          field(
            key,
            r[key],
            <select
              {...control(key)}
              value={draft[key]}
              onChange={(e) => {
                onTouch(key);
                set({ [key]: Number(e.currentTarget.value) });
              }}
            >
              {SCORES.map((score) => (
                <option key={score} value={score}>
                  {score}
                </option>
              ))}
            </select>,
          ),
        )}

        <fieldset class={`${styles.choices} ${styles.wide}`}>
          <legend>{r.picks}</legend>
          <label>
            <input
              type="radio"
              name="pick"
              class={fieldStyles.control}
              checked={draft.pick === "probability"}
              onChange={() => set({ pick: "probability" })}
            />
            {r.byProbability}
          </label>
          <label>
            <input
              type="radio"
              name="pick"
              class={fieldStyles.control}
              checked={draft.pick === "everyNth"}
              onChange={() => set({ pick: "everyNth" })}
            />
            {r.byEveryNth}
          </label>
        </fieldset>
        {draft.pick === "probability"
          ? field("probabilityPct", r.probability, numberInput("probabilityPct", 0, 100))
          : field("everyNth", r.everyNth, numberInput("everyNth", 1, 100_000))}
        {field("dailyBudget", r.dailyBudget, numberInput("dailyBudget", 0, 100_000))}
        {field("holdoutPercent", r.holdout, numberInput("holdoutPercent", 0, 50, r.holdoutHint), r.holdoutHint)}

        <fieldset class={`${styles.choices} ${styles.wide}`}>
          <legend>{t.rules.requires}</legend>
          {(["requireOptIn", "requireMember"] as const).map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                name={key}
                class={fieldStyles.control}
                checked={draft[key]}
                onChange={(e) => set({ [key]: e.currentTarget.checked })}
              />
              {r[key]}
            </label>
          ))}
        </fieldset>

        {(["giftEs", "giftEn"] as const).map((key) =>
          field(
            key,
            t.storeForm.inLang(r.giftName, t.storeForm.langNames[key === "giftEs" ? "es" : "en"]),
            <input
              type="text"
              maxLength={500}
              lang={key === "giftEs" ? "es" : "en"}
              {...control(key)}
              value={draft[key]}
              onInput={(e) => set({ [key]: e.currentTarget.value })}
            />,
          ),
        )}
        {field(
          "stockItem",
          r.stockItem,
          <input
            type="text"
            maxLength={40}
            spellcheck={false}
            {...control("stockItem", r.stockHint)}
            value={draft.stockItem}
            onInput={(e) => set({ stockItem: e.currentTarget.value })}
          />,
          r.stockHint,
        )}
      </div>
      <div class={styles.preview} aria-live="polite">
        <h3>{r.preview.title}</h3>
        {preview}
      </div>
      <div class={styles.actions}>
        <p class={styles.notice} role="status">
          {notice}
        </p>
        <button type="button" class={buttons.secondary} onClick={onCancel}>
          {r.cancel}
        </button>
        <button type="submit" class={buttons.primary} disabled={busy}>
          {busy ? r.saving : r.save}
        </button>
      </div>
    </form>
  );
}
