/**
 * The store form's state and its checks. The form keeps every text it was given for both languages while it
 * is open (unticking English and ticking it again brings the English texts back); what is saved carries
 * texts for exactly the store's languages, and is checked with the same shared schema the API uses.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import {
  CreateStoreRequest,
  type EventDates,
  type OpeningHours,
  type Store,
  StoreSettings,
  type StoreText,
} from "@sonrisa/shared/schemas/store";
import { addDays } from "@sonrisa/shared/time";
import type { Issue } from "./field-errors.ts";

export interface StoreDraft {
  id: string;
  settings: StoreSettings;
  /** Whether the store is an event; its dates stay in the form while it is off. */
  eventOn: boolean;
  event: EventDates;
}

/** The texts a new store starts with, in both languages. */
export const NEW_STORE_TEXTS = {
  question: { es: "¿Qué tal tu experiencia hoy?", en: "How was your visit today?" },
  prompt: { es: "¿Te escribimos con novedades y ofertas?", en: "May we write to you with news and offers?" },
  consent: {
    es: "Acepto que esta tienda guarde mis datos de contacto para enviarme novedades y ofertas. Puedo darme de baja en cualquier momento.",
    en: "I agree that this store keeps my contact details to send me news and offers. I can unsubscribe at any time.",
  },
} as const;

const WEEKDAY = [{ open: "10:00", close: "20:00" }];
export const DEFAULT_HOURS: OpeningHours = [WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, []];

/**
 * A new store: both languages, five faces, no reasons yet, opt-in off, the usual timings, and ready-made texts
 * to change (the question, the invitation and a consent text naming no one yet), so only the id and the name
 * are left to fill.
 */
export function newDraft(timeZone: string, today: string): StoreDraft {
  return {
    id: "",
    settings: {
      name: "",
      timeZone,
      languages: ["es", "en"],
      defaultLang: "es",
      question: { ...NEW_STORE_TEXTS.question },
      scale: 5,
      reasons: { positive: [], neutral: [], negative: [] },
      optIn: { enabled: false, prompt: { ...NEW_STORE_TEXTS.prompt }, networks: [] },
      consent: { version: "v1", text: { ...NEW_STORE_TEXTS.consent } },
      idleTimeoutSec: 20,
      misuseIntervalSec: 5,
      openingHours: DEFAULT_HOURS,
    },
    eventOn: false,
    event: { start: today, end: addDays(today, 2) },
  };
}

/** A saved store in the form. */
export function draftOf(store: Store, today: string): StoreDraft {
  const { storeId, archivedAt: _archived, event, ...settings } = store;
  return {
    id: storeId,
    settings: { ...settings, openingHours: settings.openingHours ?? DEFAULT_HOURS },
    eventOn: Boolean(event),
    event: event ?? { start: today, end: addDays(today, 2) },
  };
}

/** What is saved: texts in the store's languages only, the event's dates only when it is one. */
export function settingsOf(draft: StoreDraft): StoreSettings {
  const { event: _event, ...settings } = draft.settings;
  const only = (text: StoreText): StoreText =>
    Object.fromEntries(settings.languages.map((lang) => [lang, text[lang] ?? ""]));
  const reasons = (list: StoreSettings["reasons"]["positive"]) => list.map((r) => ({ ...r, label: only(r.label) }));
  return {
    ...settings,
    question: only(settings.question),
    reasons: {
      positive: reasons(settings.reasons.positive),
      neutral: reasons(settings.reasons.neutral),
      negative: reasons(settings.reasons.negative),
    },
    optIn: { ...settings.optIn, prompt: only(settings.optIn.prompt) },
    consent: { ...settings.consent, text: only(settings.consent.text) },
    ...(draft.eventOn ? { event: draft.event } : {}),
  };
}

/** The shared schema's issues for what would be saved (with the id, for a new store). */
export function checkDraft(draft: StoreDraft, creating: boolean): Issue[] {
  const settings = settingsOf(draft);
  const parsed = creating
    ? CreateStoreRequest.safeParse({ id: draft.id, ...settings })
    : StoreSettings.safeParse(settings);
  return parsed.success ? [] : (parsed.error.issues as Issue[]);
}

/** A language's name in the page's language. */
export function langName(names: Record<Lang, string>, lang: Lang): string {
  return names[lang];
}

/** Every IANA zone the browser knows, plus the store's own if the browser lacks it. */
export function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return [...new Set([...zones, "UTC", current])].sort();
}

/** A slug from a label, for a new reason's or rule's identifier ("Personal amable" → "personal-amable"). */
export function slugOf(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
