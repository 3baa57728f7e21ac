/**
 * A store's configuration, and the subset a paired kiosk receives. A store speaks one or more languages:
 * every text (question, reason labels, opt-in prompt, consent) has exactly one entry per store language.
 */
import { z } from "zod";
import { FreeText, Lang, LocalDate, Slug, StoreId } from "./common.ts";

/** One language's text: control and bidi marks stripped (FreeText), then neither empty nor blank. */
const OneText = (max: number) => FreeText(max, 1).refine((text) => /\S/.test(text), "text must not be blank");

/** Text of a store in its own languages; which ones must be there is checked against `languages`. */
export const StoreText = (max: number) => z.strictObject({ es: OneText(max).optional(), en: OneText(max).optional() });
export type StoreText = z.infer<ReturnType<typeof StoreText>>;

export const Reason = z.strictObject({ id: Slug, label: StoreText(60) });
export type Reason = z.infer<typeof Reason>;

/** A consent version names one exact text per language; it is kept for ever (see ConsentVersion). */
export const ConsentVersionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "a version of letters, digits, dots, dashes or underscores");

/** `HH:MM` of a local day; a closing time may be `24:00` (midnight at the end of the day). */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time as HH:MM");
export const OpeningInterval = z.strictObject({ open: ClockTime, close: ClockTime });
/** Opening hours per weekday, 0 = Monday … 6 = Sunday; an empty day is closed; up to 3 spells a day. */
export const OpeningHours = z.array(z.array(OpeningInterval).max(3)).length(7);
export type OpeningHours = z.infer<typeof OpeningHours>;

/** An event (a stand): its kiosks take answers from `start` to `end`, store-local dates, inclusive. */
export const EventDates = z.strictObject({ start: LocalDate, end: LocalDate });
export type EventDates = z.infer<typeof EventDates>;

export const NETWORKS = ["instagram", "tiktok", "facebook", "x"] as const;

/** The fields of a store's settings, without the checks across fields (objects with checks cannot be extended). */
export const StoreSettingsShape = z.strictObject({
  name: FreeText(80, 1).refine((name) => /\S/.test(name), "a name must not be blank"),
  timeZone: z.string().refine(isTimeZone, "an IANA time zone such as Europe/Madrid"),
  languages: z.array(Lang).min(1).max(2),
  defaultLang: Lang,
  question: StoreText(200),
  scale: z.union([z.literal(4), z.literal(5)]),
  reasons: z.strictObject({
    positive: z.array(Reason).max(12),
    neutral: z.array(Reason).max(12),
    negative: z.array(Reason).max(12),
  }),
  optIn: z.strictObject({
    enabled: z.boolean(),
    prompt: StoreText(200),
    networks: z.array(z.enum(NETWORKS)).max(NETWORKS.length),
  }),
  consent: z.strictObject({ version: ConsentVersionId, text: StoreText(2000) }),
  idleTimeoutSec: z.number().int().min(5).max(300),
  misuseIntervalSec: z.number().int().min(0).max(120),
  openingHours: OpeningHours.optional(),
  event: EventDates.optional(),
});

/** Why a check across fields failed: the dashboard words each key in both languages. */
export type SettingsProblem =
  | "missing_text"
  | "extra_text"
  | "duplicate_language"
  | "default_not_offered"
  | "duplicate_reason"
  | "duplicate_network"
  | "hours_order"
  | "event_order"
  /** Checked by the server against the versions kept: a kept version's text never changes. */
  | "consent_changed";

type Shape = z.infer<typeof StoreSettingsShape>;

/** The checks across fields, shared by a store's settings and the request that creates one. */
function checkSettings(s: Shape, ctx: z.RefinementCtx): void {
  const problem = (path: PropertyKey[], key: SettingsProblem, message: string) =>
    ctx.addIssue({ code: "custom", path, message, params: { problem: key } });
  const langs = new Set(s.languages);
  if (langs.size !== s.languages.length) problem(["languages"], "duplicate_language", "languages must not repeat");
  if (!langs.has(s.defaultLang)) problem(["defaultLang"], "default_not_offered", "the default is one of languages");
  const texts: [PropertyKey[], StoreText][] = [
    [["question"], s.question],
    [["optIn", "prompt"], s.optIn.prompt],
    [["consent", "text"], s.consent.text],
  ];
  const ids = new Set<string>();
  for (const sentiment of ["positive", "neutral", "negative"] as const) {
    s.reasons[sentiment].forEach((reason, i) => {
      texts.push([["reasons", sentiment, i, "label"], reason.label]);
      if (ids.has(reason.id)) {
        problem(["reasons", sentiment, i, "id"], "duplicate_reason", `reason id ${reason.id} is used twice`);
      }
      ids.add(reason.id);
    });
  }
  for (const [path, text] of texts) {
    for (const lang of langs) {
      if (!text[lang]) problem([...path, lang], "missing_text", `a text in ${lang}, a language of the store`);
    }
    for (const lang of Lang.options) {
      if (text[lang] !== undefined && !langs.has(lang)) {
        problem([...path, lang], "extra_text", `no text in ${lang}: the store does not offer it`);
      }
    }
  }
  if (new Set(s.optIn.networks).size !== s.optIn.networks.length) {
    problem(["optIn", "networks"], "duplicate_network", "networks must not repeat");
  }
  s.openingHours?.forEach((day, d) => {
    let previousClose = "";
    day.forEach((spell, i) => {
      if (spell.open >= spell.close || spell.open < previousClose) {
        problem(["openingHours", d, i], "hours_order", "opening comes before closing, spells in order, no overlap");
      }
      previousClose = spell.close;
    });
  });
  if (s.event && s.event.start > s.event.end) problem(["event", "end"], "event_order", "an event ends after it starts");
}

/** PUT /v1/stores/{storeId}: a store's settings, validated as a whole. */
export const StoreSettings = StoreSettingsShape.superRefine(checkSettings);
export type StoreSettings = z.infer<typeof StoreSettings>;

/** A new store's id: a lower-case slug of 3 to 40 characters. */
export const NewStoreId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,39}$/, "a lower-case slug of 3 to 40 characters");

/** POST /v1/stores: the id and the settings of a new store. */
export const CreateStoreRequest = StoreSettingsShape.extend({ id: NewStoreId }).superRefine(checkSettings);
export type CreateStoreRequest = z.infer<typeof CreateStoreRequest>;

/** What GET /v1/kiosk/config returns to a paired device; an archived store's kiosks show a closed screen. */
export const KioskConfig = StoreSettingsShape.extend({
  storeId: StoreId,
  deviceId: z.string(),
  archivedAt: z.string().optional(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** A store as the API shows it: its settings, id and archive date, never its PIN hash. */
export const Store = StoreSettingsShape.extend({ storeId: StoreId, archivedAt: z.string().optional() });
export type Store = z.infer<typeof Store>;

/** GET /v1/stores */
export const StoreList = z.strictObject({ stores: z.array(Store) });
export type StoreList = z.infer<typeof StoreList>;

/**
 * One consent version of a store, kept unchanged for ever: the exact text shown per language and the
 * SHA-256 (hex) of each text's UTF-8 bytes, which an opt-in's consent record can carry.
 */
export const ConsentVersion = z.strictObject({
  storeId: StoreId,
  version: ConsentVersionId,
  text: StoreText(2000),
  sha256: z.partialRecord(Lang, z.string().regex(/^[0-9a-f]{64}$/)),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ConsentVersion = z.infer<typeof ConsentVersion>;

/** GET /v1/stores/{storeId}/consents: every version, oldest first. */
export const ConsentVersionList = z.strictObject({ consents: z.array(ConsentVersion) });
export type ConsentVersionList = z.infer<typeof ConsentVersionList>;
