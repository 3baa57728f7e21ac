/** Opening hours per weekday: closed, or up to three spells (a morning and an afternoon, say). */
import type { OpeningHours } from "@sonrisa/shared/schemas/store";
import { useI18n } from "../../lib/i18n.ts";
import buttons from "../buttons/buttons.module.css";
import { fieldStyles } from "../field/field.tsx";
import styles from "./store-form.module.css";

interface Props {
  hours: OpeningHours;
  errorAt: (key: string) => string | undefined;
  onChange: (hours: OpeningHours) => void;
}

export function HoursEditor({ hours, errorAt, onChange }: Props) {
  const { t } = useI18n();
  const f = t.storeForm;
  const setDay = (d: number, spells: OpeningHours[number]) => onChange(hours.map((day, i) => (i === d ? spells : day)));
  return (
    <ol class={styles.hours}>
      {hours.map((spells, d) => {
        const day = f.weekdays[d]!;
        const open = spells.length > 0;
        const last = spells.at(-1);
        return (
          <li key={day} class={styles.day}>
            <label class={styles.dayName}>
              <input
                type="checkbox"
                class={fieldStyles.control}
                checked={open}
                aria-label={f.openOn(day)}
                onChange={(e) => setDay(d, e.currentTarget.checked ? [{ open: "10:00", close: "20:00" }] : [])}
              />
              <span aria-hidden="true">{day}</span>
            </label>
            <div class={styles.spells}>
              {!open && <span class={styles.closed}>{f.closedDay}</span>}
              {spells.map((spell, i) => {
                const base = `openingHours.${d}.${i}`;
                const error = errorAt(base) ?? errorAt(`${base}.open`) ?? errorAt(`${base}.close`);
                const described = {
                  class: fieldStyles.control,
                  "aria-invalid": error ? (true as const) : undefined,
                  "aria-describedby": error ? `${base}-error` : undefined,
                };
                const set = (patch: Partial<typeof spell>) =>
                  setDay(
                    d,
                    spells.map((s, j) => (j === i ? { ...s, ...patch } : s)),
                  );
                return (
                  <div key={i} class={styles.spell}>
                    <input
                      type="time"
                      id={`${base}.open`}
                      name={`${base}.open`}
                      {...described}
                      aria-label={`${f.spell(day, i + 1)}: ${f.opens}`}
                      value={spell.open}
                      onInput={(e) => set({ open: e.currentTarget.value })}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="time"
                      id={`${base}.close`}
                      name={`${base}.close`}
                      {...described}
                      aria-label={`${f.spell(day, i + 1)}: ${f.closes}`}
                      value={spell.close === "24:00" ? "23:59" : spell.close}
                      onInput={(e) => set({ close: e.currentTarget.value })}
                    />
                    {spells.length > 1 && (
                      <button
                        type="button"
                        class={`${buttons.secondary} ${buttons.icon}`}
                        aria-label={f.removeSpell(day, i + 1)}
                        onClick={() =>
                          setDay(
                            d,
                            spells.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ✕
                      </button>
                    )}
                    {error && (
                      <p class={fieldStyles.error} id={`${base}-error`}>
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
              {open && spells.length < 3 && (
                <button
                  type="button"
                  class={`${buttons.secondary} ${buttons.small}`}
                  onClick={() => setDay(d, [...spells, { open: last?.close ?? "16:00", close: "20:00" }])}
                >
                  + {f.addSpell}
                  <span class="sr-only"> · {day}</span>
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
