/**
 * The store form, for a new store and for a store's settings: every setting in sections, each field with
 * its error in the page's language as soon as it has been left (or after a save was tried).
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import { NETWORKS } from "@sonrisa/shared/schemas/store";
import type { ComponentChildren } from "preact";
import type { ConsentVersion } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.ts";
import { type StoreDraft, timeZones } from "../../lib/store-draft.ts";
import { controlProps, Field, fieldStyles } from "../field/field.tsx";
import { HoursEditor } from "./hours-editor.tsx";
import { LocalizedFields } from "./localized-fields.tsx";
import { ReasonsEditor } from "./reasons-editor.tsx";
import styles from "./store-form.module.css";

const LANGS: Lang[] = ["es", "en"];
const NETWORK_NAMES = { instagram: "Instagram", tiktok: "TikTok", facebook: "Facebook", x: "X" } as const;

interface Props {
  draft: StoreDraft;
  creating: boolean;
  errorAt: (key: string) => string | undefined;
  onChange: (draft: StoreDraft) => void;
  consents?: ConsentVersion[];
}

export function StoreForm({ draft, creating, errorAt, onChange, consents }: Props) {
  const { t, f: fmt } = useI18n();
  const f = t.storeForm;
  const s = draft.settings;
  const set = (patch: Partial<StoreDraft["settings"]>) => onChange({ ...draft, settings: { ...s, ...patch } });
  const number = (e: Event) => (e.currentTarget as HTMLInputElement).valueAsNumber;
  const toggleLang = (lang: Lang, on: boolean) => {
    const languages = LANGS.filter((l) => (l === lang ? on : s.languages.includes(l)));
    const defaultLang = languages.includes(s.defaultLang) ? s.defaultLang : (languages[0] ?? s.defaultLang);
    set({ languages, defaultLang });
  };
  const field = (id: string, label: string, control: ComponentChildren, hint?: string) => (
    <Field id={id} label={label} hint={hint} error={errorAt(id)}>
      {control}
    </Field>
  );

  return (
    <>
      <Section id="basics" title={f.sections.basics}>
        {creating &&
          field(
            "id",
            f.id,
            <input
              type="text"
              spellcheck={false}
              autoCapitalize="off"
              maxLength={40}
              {...controlProps("id", errorAt("id"), f.idHint)}
              value={draft.id}
              onInput={(e) => onChange({ ...draft, id: e.currentTarget.value })}
            />,
            f.idHint,
          )}
        {field(
          "name",
          f.name,
          <input
            type="text"
            maxLength={80}
            {...controlProps("name", errorAt("name"))}
            value={s.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />,
        )}
        {field(
          "timeZone",
          f.timeZone,
          <select
            {...controlProps("timeZone", errorAt("timeZone"), f.timeZoneHint)}
            value={s.timeZone}
            onChange={(e) => set({ timeZone: e.currentTarget.value })}
          >
            {timeZones(s.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>,
          f.timeZoneHint,
        )}
        <fieldset class={styles.choices}>
          <legend>{f.faces}</legend>
          {([5, 4] as const).map((scale) => (
            <label key={scale}>
              <input
                type="radio"
                name="scale"
                class={fieldStyles.control}
                checked={s.scale === scale}
                onChange={() => set({ scale })}
              />
              {scale === 5 ? f.faces5 : f.faces4}
            </label>
          ))}
        </fieldset>
        {field(
          "idleTimeoutSec",
          f.idle,
          <input
            type="number"
            min={5}
            max={300}
            inputMode="numeric"
            {...controlProps("idleTimeoutSec", errorAt("idleTimeoutSec"), f.idleHint)}
            value={Number.isNaN(s.idleTimeoutSec) ? "" : s.idleTimeoutSec}
            onInput={(e) => set({ idleTimeoutSec: number(e) })}
          />,
          f.idleHint,
        )}
        {field(
          "misuseIntervalSec",
          f.misuse,
          <input
            type="number"
            min={0}
            max={120}
            inputMode="numeric"
            {...controlProps("misuseIntervalSec", errorAt("misuseIntervalSec"), f.misuseHint)}
            value={Number.isNaN(s.misuseIntervalSec) ? "" : s.misuseIntervalSec}
            onInput={(e) => set({ misuseIntervalSec: number(e) })}
          />,
          f.misuseHint,
        )}
      </Section>

      <Section id="languages" title={f.sections.languages}>
        <fieldset class={styles.choices} aria-describedby={errorAt("languages") ? "languages-error" : undefined}>
          <legend>{f.languages}</legend>
          {LANGS.map((lang) => (
            <label key={lang}>
              <input
                type="checkbox"
                name={`languages.${lang}`}
                class={fieldStyles.control}
                checked={s.languages.includes(lang)}
                onChange={(e) => toggleLang(lang, e.currentTarget.checked)}
              />
              {f.langNames[lang]}
            </label>
          ))}
          {errorAt("languages") && (
            <p class={fieldStyles.error} id="languages-error">
              {errorAt("languages")}
            </p>
          )}
        </fieldset>
        {field(
          "defaultLang",
          f.defaultLang,
          <select
            {...controlProps("defaultLang", errorAt("defaultLang"))}
            value={s.defaultLang}
            onChange={(e) => set({ defaultLang: e.currentTarget.value as Lang })}
          >
            {s.languages.map((lang) => (
              <option key={lang} value={lang}>
                {f.langNames[lang]}
              </option>
            ))}
          </select>,
        )}
        <LocalizedFields
          path="question"
          label={f.question}
          langs={s.languages}
          value={s.question}
          errorAt={errorAt}
          maxLength={200}
          onChange={(question) => set({ question })}
        />
      </Section>

      <Section id="reasons" title={f.sections.reasons}>
        <ReasonsEditor
          reasons={s.reasons}
          langs={s.languages}
          defaultLang={s.defaultLang}
          errorAt={errorAt}
          onChange={(reasons) => set({ reasons })}
        />
      </Section>

      <Section id="opt-in" title={f.sections.optIn}>
        <Field id="optIn.enabled" label={f.optInEnabled} inline wide>
          <input
            type="checkbox"
            {...controlProps("optIn.enabled")}
            checked={s.optIn.enabled}
            onChange={(e) => set({ optIn: { ...s.optIn, enabled: e.currentTarget.checked } })}
          />
        </Field>
        <LocalizedFields
          path="optIn.prompt"
          label={f.prompt}
          langs={s.languages}
          value={s.optIn.prompt}
          errorAt={errorAt}
          maxLength={200}
          onChange={(prompt) => set({ optIn: { ...s.optIn, prompt } })}
        />
        <fieldset class={`${styles.choices} ${styles.wide}`}>
          <legend>{f.networks}</legend>
          {NETWORKS.map((network) => (
            <label key={network}>
              <input
                type="checkbox"
                name={`optIn.networks.${network}`}
                class={fieldStyles.control}
                checked={s.optIn.networks.includes(network)}
                onChange={(e) =>
                  set({
                    optIn: {
                      ...s.optIn,
                      networks: NETWORKS.filter((n) =>
                        n === network ? e.currentTarget.checked : s.optIn.networks.includes(n),
                      ),
                    },
                  })
                }
              />
              {NETWORK_NAMES[network]}
            </label>
          ))}
        </fieldset>
        {field(
          "consent.version",
          f.consentVersion,
          <input
            type="text"
            spellcheck={false}
            maxLength={40}
            {...controlProps("consent.version", errorAt("consent.version"), f.consentVersionHint)}
            value={s.consent.version}
            onInput={(e) => set({ consent: { ...s.consent, version: e.currentTarget.value } })}
          />,
          f.consentVersionHint,
        )}
        <LocalizedFields
          path="consent.text"
          label={f.consentText}
          langs={s.languages}
          value={s.consent.text}
          errorAt={errorAt}
          maxLength={2000}
          multiline
          onChange={(text) => set({ consent: { ...s.consent, text } })}
        />
        {consents && consents.length > 0 && (
          <details class={styles.versions}>
            <summary>{f.versions(consents.length)}</summary>
            <ol>
              {consents.map((c) => (
                <li key={c.version}>
                  <p class={styles.versionTitle}>{f.versionKept(c.version, fmt.dateTime(c.createdAt, s.timeZone))}</p>
                  {LANGS.filter((lang) => c.text[lang]).map((lang) => (
                    <blockquote key={lang} lang={lang}>
                      <p>{c.text[lang]}</p>
                      <footer>
                        {f.langNames[lang]} · SHA-256 <code>{c.sha256[lang]?.slice(0, 16)}…</code>
                      </footer>
                    </blockquote>
                  ))}
                </li>
              ))}
            </ol>
          </details>
        )}
      </Section>

      <Section id="hours" title={f.sections.hours} hint={f.hoursHint}>
        <HoursEditor
          hours={s.openingHours ?? []}
          errorAt={errorAt}
          onChange={(openingHours) => set({ openingHours })}
        />
      </Section>

      <Section id="event" title={f.sections.event}>
        <Field id="eventOn" label={f.isEvent} hint={f.eventHint} inline wide>
          <input
            type="checkbox"
            {...controlProps("eventOn", undefined, f.eventHint)}
            checked={draft.eventOn}
            onChange={(e) => onChange({ ...draft, eventOn: e.currentTarget.checked })}
          />
        </Field>
        {draft.eventOn && (
          <>
            {field(
              "event.start",
              f.eventStart,
              <input
                type="date"
                {...controlProps("event.start", errorAt("event.start"))}
                value={draft.event.start}
                onInput={(e) => onChange({ ...draft, event: { ...draft.event, start: e.currentTarget.value } })}
              />,
            )}
            {field(
              "event.end",
              f.eventEnd,
              <input
                type="date"
                {...controlProps("event.end", errorAt("event.end"))}
                value={draft.event.end}
                onInput={(e) => onChange({ ...draft, event: { ...draft.event, end: e.currentTarget.value } })}
              />,
            )}
          </>
        )}
      </Section>
    </>
  );
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <section class={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p class={styles.sectionHint}>{hint}</p>}
      <div class={styles.grid}>{children}</div>
    </section>
  );
}
