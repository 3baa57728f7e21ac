/**
 * Seeds the demo organisation of DESIGN.md (local mode only: its logins must never exist in AWS).
 * Idempotent: what exists is left alone. `SONRISA_DEMO=off npm start` skips it.
 */
import { randomUUID } from "node:crypto";
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import type { LoyaltyProgram } from "@sonrisa/shared/schemas/loyalty";
import type { OpeningHours, StoreSettings } from "@sonrisa/shared/schemas/store";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { hashSecret } from "../adapters/auth/password-hasher.ts";
import { makeDocumentClient, type Table } from "../adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../adapters/dynamo/device-repository.ts";
import { keys } from "../adapters/dynamo/keys.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { putIfAbsent } from "../adapters/dynamo/transact.ts";
import { makeUserRepository } from "../adapters/dynamo/user-repository.ts";
import { sha256Hasher } from "../adapters/text-hasher.ts";
import { consentVersionOf } from "../domain/stores.ts";

export const DEMO_PIN = "2468";
export const DEMO_USERS = [
  { email: "admin@sonrisa.local", password: "sonrisa-admin", role: "admin" },
  { email: "marketing@sonrisa.local", password: "sonrisa-marketing", role: "marketing" },
] as const;

const reasons: StoreSettings["reasons"] = {
  positive: [
    { id: "friendly-staff", label: { es: "Personal amable", en: "Friendly staff" } },
    { id: "quality", label: { es: "Calidad", en: "Quality" } },
    { id: "price", label: { es: "Buen precio", en: "Good price" } },
    { id: "quick", label: { es: "Rapidez", en: "Quick service" } },
    { id: "store-look", label: { es: "Tienda bonita", en: "Nice store" } },
  ],
  neutral: [
    { id: "ok-service", label: { es: "Servicio correcto", en: "Service was fine" } },
    { id: "choice", label: { es: "Poca variedad", en: "Little choice" } },
    { id: "price-neutral", label: { es: "Precio", en: "Price" } },
  ],
  negative: [
    { id: "waiting", label: { es: "Esperé mucho", en: "Long wait" } },
    { id: "unfriendly", label: { es: "Trato poco amable", en: "Unfriendly staff" } },
    { id: "out-of-stock", label: { es: "Sin existencias", en: "Out of stock" } },
    { id: "expensive", label: { es: "Caro", en: "Expensive" } },
    { id: "messy", label: { es: "Tienda desordenada", en: "Messy store" } },
  ],
};

function settings(name: string, timeZone: string, openingHours: OpeningHours): StoreSettings {
  return {
    name,
    timeZone,
    openingHours,
    languages: ["es", "en"],
    defaultLang: "es",
    question: { es: "¿Qué tal tu experiencia hoy?", en: "How was your visit today?" },
    scale: 5,
    reasons,
    optIn: {
      enabled: true,
      prompt: { es: "Síguenos o únete a nuestro club", en: "Follow us or join our club" },
      networks: ["instagram", "tiktok", "facebook"],
    },
    consent: {
      version: "2026-11",
      text: {
        es: `Acepto que ${name} guarde mis datos de contacto para enviarme novedades y ofertas. Puedo darme de baja en cualquier momento.`,
        en: `I agree that ${name} keeps my contact details to send me news and offers. I can unsubscribe at any time.`,
      },
    },
    idleTimeoutSec: 20,
    misuseIntervalSec: 5,
  };
}

const spell = (open: string, close: string) => [{ open, close }];
/** Monday … Sunday: Madrid opens every day, Barcelona closes for lunch and on Sunday, CDMX on Monday. */
const HOURS: Record<string, OpeningHours> = {
  madrid: [...Array.from({ length: 6 }, () => spell("10:00", "21:00")), spell("11:00", "20:00")],
  barcelona: [
    ...Array.from({ length: 6 }, () => [
      { open: "10:00", close: "14:00" },
      { open: "16:30", close: "20:30" },
    ]),
    [],
  ],
  mexico: [[], ...Array.from({ length: 6 }, () => spell("11:00", "20:00"))],
};

export const DEMO_STORES = [
  { storeId: "madrid-centro", ...settings("Muebles Sonrisa · Madrid Centro", "Europe/Madrid", HOURS.madrid!) },
  {
    storeId: "barcelona-gracia",
    ...settings("Muebles Sonrisa · Barcelona Gràcia", "Europe/Madrid", HOURS.barcelona!),
  },
  { storeId: "mexico-roma", ...settings("Muebles Sonrisa · CDMX Roma", "America/Mexico_City", HOURS.mexico!) },
];

/** The demo rule: about one happy answer in three wins a coffee, 10 % held out to measure the effect. */
export const DEMO_RULE: SurpriseRule = {
  id: "happy-coffee",
  name: "Café sorpresa para clientes felices",
  enabled: true,
  stores: "all",
  minScore: 4,
  maxScore: 5,
  requireOptIn: false,
  requireMember: false,
  probability: 0.35,
  dailyBudget: 20,
  holdoutPercent: 10,
  gift: { name: { es: "Un café gratis", en: "A free coffee" }, stockItem: "coffee" },
};

/** Demo follow-ups: thanks and a review link for happy answers, an apology for unhappy ones; 10 % held out. */
export const DEMO_FOLLOW_UPS: FollowUpRule[] = [
  {
    id: "happy-thanks",
    name: "Gracias y reseña",
    enabled: true,
    stores: "all",
    minScore: 4,
    maxScore: 5,
    channel: "email",
    delayMinutes: 0,
    quietHours: { sendFrom: "09:00", sendUntil: "21:00" },
    expiryHours: 48,
    templates: {
      es: {
        subject: "Gracias por tu visita a {{storeName}}",
        text: "¡Hola! Gracias por visitar {{storeName}} y por tu valoración.\n\n¿Nos dejas una reseña? {{reviewLink}}",
        html: '<p>¡Hola! Gracias por visitar <strong>{{storeName}}</strong> y por tu valoración.</p><p><a href="{{reviewLink}}">Déjanos una reseña</a></p>',
      },
      en: {
        subject: "Thank you for visiting {{storeName}}",
        text: "Hello! Thank you for visiting {{storeName}} and for your rating.\n\nWould you leave us a review? {{reviewLink}}",
        html: '<p>Hello! Thank you for visiting <strong>{{storeName}}</strong> and for your rating.</p><p><a href="{{reviewLink}}">Leave us a review</a></p>',
      },
    },
    links: { review: "https://example.com/muebles-sonrisa/review" },
    holdoutPercent: 10,
    frequencyCapDays: 7,
  },
  {
    id: "unhappy-apology",
    name: "Disculpa",
    enabled: true,
    stores: "all",
    minScore: 1,
    maxScore: 2,
    channel: "email",
    delayMinutes: 0,
    quietHours: { sendFrom: "09:00", sendUntil: "21:00" },
    expiryHours: 48,
    templates: {
      es: {
        subject: "Sentimos que tu visita a {{storeName}} no fuera buena",
        text: "Hola. Sentimos que tu visita no fuera como esperabas. Nos dijiste: «{{commentFirstLine}}». Lo estamos revisando; responde a este correo y te atenderemos.",
        html: "<p>Hola. Sentimos que tu visita a <strong>{{storeName}}</strong> no fuera como esperabas.</p><p>Nos dijiste: «{{commentFirstLine}}». Lo estamos revisando; responde a este correo y te atenderemos.</p>",
      },
      en: {
        subject: "We are sorry your visit to {{storeName}} was not good",
        text: 'Hello. We are sorry your visit was not what you expected. You told us: "{{commentFirstLine}}". We are looking into it; reply to this e-mail and we will help.',
        html: '<p>Hello. We are sorry your visit to <strong>{{storeName}}</strong> was not what you expected.</p><p>You told us: "{{commentFirstLine}}". We are looking into it; reply to this e-mail and we will help.</p>',
      },
    },
    links: {},
    holdoutPercent: 10,
    frequencyCapDays: 7,
  },
];

/** The demo loyalty programme: 5 stamps (a visit a day, or a purchase at the counter) are a coffee. */
export const DEMO_PROGRAM: LoyaltyProgram = {
  enabled: true,
  tiers: [{ stamps: 5, gift: { name: { es: "Un café gratis", en: "A free coffee" }, stockItem: "coffee" } }],
  expiryMonths: 12,
  consent: {
    version: "club-2026-11",
    text: {
      es: "Me uno al club de Muebles Sonrisa: guardad mi teléfono o correo para enviarme mi tarjeta de sellos y reconocerme en tienda. Puedo darme de baja cuando quiera.",
      en: "I join the Muebles Sonrisa club: keep my phone or e-mail to send me my stamp card and recognise me in store. I can leave at any time.",
    },
  },
  purchaseEarnsStamp: true,
};

export const DEMO_STOCK = [
  { item: "coffee", name: "Café / Coffee", quantity: 60, lowAt: 10, unitCost: 1.2 },
  { item: "tote-bag", name: "Bolsa de tela / Tote bag", quantity: 25, lowAt: 5 },
];

export async function seedDemo(opts: { tableName: string; endpoint: string }): Promise<void> {
  if ((process.env.SONRISA_MODE ?? "local") !== "local")
    throw new Error("The demo organisation is for local mode only");
  const table: Table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: opts.endpoint }), name: opts.tableName };
  const stores = makeStoreRepository(table);
  const users = makeUserRepository(table);
  for (const store of DEMO_STORES) {
    const existing = await stores.get(store.storeId);
    if (!existing) await stores.put({ ...store, staffPinHash: await hashSecret(DEMO_PIN) });
    await keepConsentVersion(table, existing ?? store);
    await pointToDevices(table, store.storeId);
    for (const stock of DEMO_STOCK) {
      await putIfAbsent(table, { ...keys.stock(store.storeId, stock.item), entity: "Stock", ...stock, reserved: 0 });
    }
  }
  for (const user of DEMO_USERS) {
    if (!(await users.get(user.email))) {
      await users.create({
        userId: randomUUID(),
        email: user.email,
        role: user.role,
        passwordHash: await hashSecret(user.password),
        version: 0,
      });
    }
  }
  await putIfAbsent(table, { ...keys.surpriseRules(), entity: "SurpriseRules", rules: [DEMO_RULE], version: 1 });
  await putIfAbsent(table, { ...keys.followUpRules(), entity: "FollowUpRules", rules: DEMO_FOLLOW_UPS });
  const consent = DEMO_PROGRAM.consent;
  await putIfAbsent(table, {
    ...keys.loyaltyConsent(consent.version),
    entity: "LoyaltyConsent",
    version: consent.version,
    text: consent.text,
    sha256: { es: sha256Hasher.sha256(consent.text.es), en: sha256Hasher.sha256(consent.text.en) },
  });
  await putIfAbsent(table, {
    ...keys.loyaltyProgram(),
    entity: "LoyaltyProgram",
    program: DEMO_PROGRAM,
    version: 1,
    updatedAt: new Date().toISOString(),
    updatedBy: "demo seed",
  });
}

/** The store's current consent version, kept like the dashboard keeps every version (if not kept yet). */
async function keepConsentVersion(table: Table, store: (typeof DEMO_STORES)[number]): Promise<void> {
  const version = consentVersionOf(new Date(), { sub: "seed" }, sha256Hasher, store.storeId, store);
  await putIfAbsent(table, {
    ...keys.consentVersion(store.storeId, version.version),
    entity: "ConsentVersion",
    ...version,
  });
}

/**
 * Devices paired before kiosks could be renamed and revoked have no pointer from their id to their store:
 * each gets one, so the Kiosks page manages them too (only demo stores existed then).
 */
async function pointToDevices(table: Table, storeId: string): Promise<void> {
  for (const device of await makeDeviceRepository(table).listByStore(storeId)) {
    await putIfAbsent(table, { ...keys.deviceRef(device.deviceId), entity: "DeviceRef", storeId });
  }
}
