/** The message that sends a new member the link to their card, by e-mail (else SMS), in the member's language. */
import type { LoyaltyProgram } from "@sonrisa/shared/schemas/loyalty";
import type { MessageRecord } from "./ports/message-repository.ts";
import type { StoreRecord } from "./ports/store-repository.ts";
import { escapeHtml } from "./templates.ts";

export interface CardMessageInput {
  memberId: string;
  contactId: string;
  store: StoreRecord;
  lang: "es" | "en";
  address: { email?: string; phone?: string };
  url: string;
  stamps: number;
  program: LoyaltyProgram | undefined;
  now: Date;
  expiresAt: string;
}

const TEXT = {
  es: {
    subject: (store: string) => `Tu tarjeta de ${store}`,
    hello: (store: string) => `¡Bienvenido al club de ${store}!`,
    card: "Tu tarjeta de sellos, siempre a mano (guárdala en la pantalla de inicio):",
    stamps: (n: number) => (n === 1 ? "Ya tienes 1 sello." : `Ya tienes ${n} sellos.`),
    tier: (n: number, gift: string) => `Con ${n} sellos: ${gift}.`,
    open: "Abrir mi tarjeta",
  },
  en: {
    subject: (store: string) => `Your ${store} card`,
    hello: (store: string) => `Welcome to the ${store} club!`,
    card: "Your stamp card, always at hand (add it to your home screen):",
    stamps: (n: number) => (n === 1 ? "You have 1 stamp already." : `You have ${n} stamps already.`),
    tier: (n: number, gift: string) => `With ${n} stamps: ${gift}.`,
    open: "Open my card",
  },
};

/** `card.<memberId>`: one card message per member, however often the join is delivered. */
export function cardMessage(input: CardMessageInput): MessageRecord {
  const t = TEXT[input.lang];
  const channel = input.address.email ? "email" : "sms";
  const to = input.address.email ?? input.address.phone;
  const first = input.program?.tiers[0];
  const lines = [
    t.hello(input.store.name),
    t.stamps(input.stamps),
    ...(first ? [t.tier(first.stamps, first.gift.name[input.lang])] : []),
  ];
  const base = {
    messageId: `card.${input.memberId}`,
    kind: "card" as const,
    storeId: input.store.storeId,
    contactId: input.contactId,
    channel,
    lang: input.lang,
    status: "pending" as const,
    to: to ? [to] : [],
    links: [],
    expiresAt: input.expiresAt,
    dueAt: input.now.toISOString(),
    createdAt: input.now.toISOString(),
    attempts: 0,
    clicks: 0,
  } satisfies Partial<MessageRecord>;
  if (channel === "sms") return { ...base, channel, text: `${lines.join(" ")} ${input.url}` };
  const html =
    `<p><strong>${escapeHtml(lines[0]!)}</strong></p><p>${escapeHtml(lines.slice(1).join(" "))}</p>` +
    `<p>${escapeHtml(t.card)}</p><p><a href="${escapeHtml(input.url)}">${escapeHtml(t.open)}</a></p>`;
  return {
    ...base,
    channel,
    subject: t.subject(input.store.name),
    text: `${lines.join("\n")}\n\n${t.card}\n${input.url}\n`,
    html,
  };
}
