/**
 * The follow-up messages an opted-in answer makes: one per matching rule, due after the rule's delay counted
 * from the tap (never the sync), moved into the store's sending hours, held out by a hash of the answer id,
 * expired when the tap reached the server too late, and rendered in the answer's language.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { FollowUpRule, MessageTemplate } from "@sonrisa/shared/schemas/follow-ups";
import type { AnswerRecord } from "./ports/answer-records.ts";
import type { LinkSigner } from "./ports/link-signer.ts";
import type { MessageLink, MessageRecord } from "./ports/message-repository.ts";
import type { StoreRecord } from "./ports/store-repository.ts";
import { nextSendTime } from "./quiet-hours.ts";
import { unitHash } from "./surprises.ts";
import { escapeHtml, fill, firstLine, type PlaceholderValues } from "./templates.ts";

const HOUR_MS = 3_600_000;

/** A message's id: the answer and the rule, so a redelivered answer can never make a second one. */
export const followUpId = (answerId: string, ruleId: string) => `${answerId}.${ruleId}`;

/** Link tokens: `u.<messageId>` unsubscribes, `r.<messageId>.<link>` is a tracked link. */
export const tokenPayload = {
  unsubscribe: (messageId: string) => `u.${messageId}`,
  link: (messageId: string, link: MessageLink["name"]) => `r.${messageId}.${link}`,
};

/** Reads a verified payload back. */
export function parsePayload(
  payload: string,
): { kind: "unsubscribe"; messageId: string } | { kind: "link"; messageId: string; link: string } | undefined {
  const [kind, ...rest] = payload.split(".");
  if (kind === "u" && rest.length >= 2) return { kind: "unsubscribe", messageId: rest.join(".") };
  if (kind === "r" && rest.length >= 3)
    return { kind: "link", messageId: rest.slice(0, -1).join("."), link: rest.at(-1)! };
  return undefined;
}

/** Follow-up holdout: a hash of the rule and answer id, independent of the surprise holdout's. */
export function inFollowUpHoldout(ruleId: string, answerId: string, percent: number): boolean {
  return unitHash("follow-up-holdout", ruleId, answerId) * 100 < percent;
}

export function ruleMatches(rule: FollowUpRule, answer: AnswerRecord): boolean {
  const optIn = answer.optIn;
  return (
    rule.enabled &&
    !answer.misuse &&
    (rule.stores === "all" || rule.stores.includes(answer.storeId)) &&
    answer.score >= rule.minScore &&
    answer.score <= rule.maxScore &&
    Boolean(optIn?.consent) &&
    Boolean(rule.channel === "email" ? optIn?.email : optIn?.phone)
  );
}

/** The template for the answer's language, else the store's default, else any. */
function templateFor(rule: FollowUpRule, lang: Lang, fallback: Lang): { lang: Lang; template: MessageTemplate } {
  for (const l of [lang, fallback, "es", "en"] as const) {
    const template = rule.templates[l];
    if (template) return { lang: l, template };
  }
  throw new Error(`Follow-up rule ${rule.id} has no template`);
}

const FOOTER = {
  es: (store: string) => `Recibes este mensaje porque aceptaste que ${store} te escribiera.`,
  en: (store: string) => `You get this message because you agreed that ${store} may write to you.`,
};
const UNSUBSCRIBE = { es: "Darme de baja", en: "Unsubscribe" };

export interface PlanContext {
  answer: AnswerRecord;
  store: StoreRecord;
  contactId: string;
  /** the recipient: an e-mail or an E.164 phone, by channel */
  address: { email?: string; phone?: string };
  publicUrl: string;
  now: Date;
}

/** The messages of every rule the answer matches, rendered and signed; none for misuse or without a channel. */
export async function planFollowUps(
  signer: LinkSigner,
  rules: FollowUpRule[],
  ctx: PlanContext,
): Promise<MessageRecord[]> {
  const out: MessageRecord[] = [];
  for (const rule of rules.filter((r) => ruleMatches(r, ctx.answer))) out.push(await planOne(signer, rule, ctx));
  return out;
}

async function planOne(signer: LinkSigner, rule: FollowUpRule, ctx: PlanContext): Promise<MessageRecord> {
  const { answer, store } = ctx;
  const messageId = followUpId(answer.id, rule.id);
  const tap = Date.parse(answer.atUtc);
  const late = Date.parse(answer.receivedAt) - tap > rule.expiryHours * HOUR_MS;
  const status = inFollowUpHoldout(rule.id, answer.id, rule.holdoutPercent) ? "holdout" : late ? "expired" : "pending";
  const due = nextSendTime(new Date(tap + rule.delayMinutes * 60_000), store.timeZone, rule.quietHours);
  const { lang, template } = templateFor(rule, answer.lang ?? store.defaultLang, store.defaultLang);
  const base: MessageRecord = {
    messageId,
    kind: "follow-up",
    ruleId: rule.id,
    answerId: answer.id,
    storeId: store.storeId,
    contactId: ctx.contactId,
    channel: rule.channel,
    lang,
    status,
    ...(status === "expired" ? { reason: "synced too late" } : {}),
    to: [],
    text: "",
    links: [],
    tapAt: answer.atUtc,
    expiresAt: new Date(due.getTime() + rule.expiryHours * HOUR_MS).toISOString(),
    dueAt: due.toISOString(),
    createdAt: ctx.now.toISOString(),
    capDays: rule.frequencyCapDays,
    attempts: 0,
    clicks: 0,
  };
  if (status !== "pending") return base; // recorded for the counts and the effect report, never rendered
  const links: MessageLink[] = [
    ...(rule.links.review ? [{ name: "review" as const, url: rule.links.review }] : []),
    ...(rule.links.social ? [{ name: "social" as const, url: rule.links.social }] : []),
  ];
  const url = async (payload: string, prefix: "u" | "r") => `${ctx.publicUrl}/${prefix}/${await signer.sign(payload)}`;
  const unsubscribeUrl = await url(tokenPayload.unsubscribe(messageId), "u");
  const values: PlaceholderValues = {
    storeName: store.name,
    commentFirstLine: firstLine(answer.comment),
    unsubscribeLink: unsubscribeUrl,
  };
  for (const link of links) {
    values[link.name === "review" ? "reviewLink" : "socialLink"] = await url(
      tokenPayload.link(messageId, link.name),
      "r",
    );
  }
  const to = rule.channel === "email" ? ctx.address.email : ctx.address.phone;
  const footer = FOOTER[lang](store.name);
  const text =
    rule.channel === "email"
      ? `${fill(template.text, values)}\n\n--\n${footer}\n${UNSUBSCRIBE[lang]}: ${unsubscribeUrl}\n`
      : `${fill(template.text, values)} ${UNSUBSCRIBE[lang]}: ${unsubscribeUrl}`;
  const html =
    rule.channel === "email" && template.html
      ? `${fill(template.html, values, true)}\n<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)} ` +
        `<a href="${escapeHtml(unsubscribeUrl)}">${UNSUBSCRIBE[lang]}</a></p>`
      : undefined;
  return {
    ...base,
    to: to ? [to] : [],
    ...(template.subject ? { subject: fill(template.subject, values) } : {}),
    text,
    ...(html ? { html } : {}),
    links,
    unsubscribeUrl,
  };
}
