/**
 * The reasons a kiosk offers after a tap, per sentiment: add, remove, reorder; each with an identifier (made
 * from its label until it is edited) and a label in every store language.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { Reason, StoreSettings } from "@sonrisa/shared/schemas/store";
import { useI18n } from "../../lib/i18n.ts";
import { slugOf } from "../../lib/store-draft.ts";
import buttons from "../buttons/buttons.module.css";
import { controlProps, Field } from "../field/field.tsx";
import styles from "./store-form.module.css";

type Sentiment = keyof StoreSettings["reasons"];
const SENTIMENTS: Sentiment[] = ["positive", "neutral", "negative"];
const MAX = 12;

interface Props {
  reasons: StoreSettings["reasons"];
  langs: readonly Lang[];
  defaultLang: Lang;
  errorAt: (key: string) => string | undefined;
  onChange: (reasons: StoreSettings["reasons"]) => void;
}

export function ReasonsEditor({ reasons, langs, defaultLang, errorAt, onChange }: Props) {
  const { t } = useI18n();
  const f = t.storeForm;
  const set = (sentiment: Sentiment, list: Reason[]) => onChange({ ...reasons, [sentiment]: list });
  return (
    <div class={styles.reasons}>
      {SENTIMENTS.map((sentiment) => {
        const list = reasons[sentiment];
        const move = (i: number, by: number) => {
          const next = [...list];
          const [item] = next.splice(i, 1);
          next.splice(i + by, 0, item!);
          set(sentiment, next);
        };
        return (
          <fieldset key={sentiment} class={styles.group}>
            <legend>{f.sentiments[sentiment]}</legend>
            {list.length === 0 && <p class={styles.note}>{f.noReasons}</p>}
            <ol class={styles.rows}>
              {list.map((reason, i) => {
                const base = `reasons.${sentiment}.${i}`;
                const what = f.reasonN(i + 1);
                const setReason = (patch: Partial<Reason>) =>
                  set(
                    sentiment,
                    list.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                  );
                return (
                  <li key={i} class={styles.row}>
                    <p class={styles.rowTitle}>{what}</p>
                    <div class={styles.rowFields}>
                      {langs.map((lang) => {
                        const id = `${base}.label.${lang}`;
                        const error = errorAt(id);
                        return (
                          <Field key={lang} id={id} label={f.inLang(f.reasonLabel, f.langNames[lang])} error={error}>
                            <input
                              type="text"
                              lang={lang}
                              maxLength={60}
                              {...controlProps(id, error)}
                              value={reason.label[lang] ?? ""}
                              onInput={(e) => {
                                const text = e.currentTarget.value;
                                const label = { ...reason.label, [lang]: text };
                                // The identifier follows the default language's label until someone edits it.
                                const follows = lang === defaultLang && reason.id === slugOf(reason.label[lang] ?? "");
                                setReason(follows ? { label, id: slugOf(text) } : { label });
                              }}
                            />
                          </Field>
                        );
                      })}
                      <Field id={`${base}.id`} label={f.reasonId} error={errorAt(`${base}.id`)}>
                        <input
                          type="text"
                          maxLength={40}
                          spellcheck={false}
                          {...controlProps(`${base}.id`, errorAt(`${base}.id`))}
                          value={reason.id}
                          onInput={(e) => setReason({ id: e.currentTarget.value })}
                        />
                      </Field>
                    </div>
                    <div class={styles.rowActions}>
                      <button
                        type="button"
                        class={`${buttons.secondary} ${buttons.icon}`}
                        aria-label={f.moveUp(what)}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class={`${buttons.secondary} ${buttons.icon}`}
                        aria-label={f.moveDown(what)}
                        disabled={i === list.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        class={`${buttons.danger} ${buttons.icon}`}
                        aria-label={f.removeReason(what)}
                        onClick={() =>
                          set(
                            sentiment,
                            list.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ✕
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              class={`${buttons.secondary} ${buttons.small}`}
              disabled={list.length >= MAX}
              onClick={() => set(sentiment, [...list, { id: "", label: {} }])}
            >
              + {f.addReason}
              <span class="sr-only"> · {f.sentiments[sentiment]}</span>
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}
