/** The period (presets or a custom from–to) and whether repeated taps count; both live in the URL. */
import { useEffect, useState } from "preact/hooks";
import { useFilters } from "../../lib/filters.ts";
import { useI18n } from "../../lib/i18n.ts";
import { type DateRange, isValidRange, PRESETS, type Preset } from "../../lib/range.ts";
import styles from "./filters.module.css";

interface Props {
  /** The period the filters resolve to today. */
  range: DateRange;
  today: string;
}

export function Filters({ range, today }: Props) {
  const { t, f } = useI18n();
  const { filters, setFilters: go } = useFilters();
  const { choice, misuse } = filters;
  const [custom, setCustom] = useState("custom" in choice);
  const [draft, setDraft] = useState(range);
  useEffect(() => {
    setCustom("custom" in choice);
    setDraft(range);
  }, [choice, range.from, range.to]);
  const valid = isValidRange(draft);

  const pick = (value: string) => {
    if (value === "custom") return setCustom(true);
    setCustom(false);
    go({ choice: { preset: Number(value) as Preset } });
  };
  const apply = (event: Event) => {
    event.preventDefault();
    if (valid) go({ choice: { custom: draft } });
  };

  return (
    <section class={styles.bar} aria-label={t.filters.label}>
      <form class={styles.inner} onSubmit={apply}>
        <label class={styles.field}>
          <span>{t.filters.range}</span>
          <select
            value={custom ? "custom" : String("preset" in choice ? choice.preset : "")}
            onChange={(e) => pick(e.currentTarget.value)}
          >
            {PRESETS.map((days) => (
              <option key={days} value={days}>
                {t.filters.presets[days]}
              </option>
            ))}
            <option value="custom">{t.filters.custom}</option>
          </select>
        </label>
        {custom && (
          <div class={styles.custom}>
            <label class={styles.field}>
              <span>{t.filters.from}</span>
              <input
                type="date"
                value={draft.from}
                max={today}
                aria-invalid={!valid}
                onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
              />
            </label>
            <label class={styles.field}>
              <span>{t.filters.to}</span>
              <input
                type="date"
                value={draft.to}
                max={today}
                aria-invalid={!valid}
                onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
              />
            </label>
            <button type="submit" class={styles.apply} disabled={!valid}>
              {t.filters.apply}
            </button>
            {!valid && (
              <p class={styles.error} role="alert">
                {t.filters.badRange}
              </p>
            )}
          </div>
        )}
        <p class={styles.range}>
          {t.rangeText(f.day(range.from, range.from.slice(0, 4) !== range.to.slice(0, 4)), f.day(range.to, true))}
        </p>
        <label class={styles.toggle} title={t.filters.misuseHint}>
          <input type="checkbox" checked={misuse} onChange={(e) => go({ misuse: e.currentTarget.checked })} />
          <span class={styles.track} aria-hidden="true" />
          <span>{t.filters.misuse}</span>
        </label>
      </form>
    </section>
  );
}
