/**
 * The member's card page (`/card/{token}`): the token is signed (HMAC) and names the member, never the person; it
 * needs no table item, so erasing the member (its profile, with the secret) is what ends the card. The page gets
 * the member's stamps, rewards and history, and the secret its rotating code is made from.
 */

import { OTP_DIGITS, OTP_PERIOD_SECONDS } from "@sonrisa/shared/otp";
import type { CardView } from "@sonrisa/shared/schemas/loyalty";
import { NotFound } from "./errors.ts";
import { activeProgram, DEFAULT_PROGRAM } from "./loyalty-program.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { LinkSigner } from "./ports/link-signer.ts";
import type { LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { MemberRepository } from "./ports/member-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { memberView } from "./stamp-ledger.ts";

export interface CardDeps {
  signer: LinkSigner;
  members: MemberRepository;
  contacts: Pick<ContactRepository, "get">;
  program: LoyaltyProgramRepository;
  stores: StoreRepository;
  clock: Clock;
}

const PAYLOAD = "card.";
/** Joins the signed token's two parts: a dot would make `/card/…` look like a file to CloudFront's rewrite. */
const JOIN = "~";

export async function cardToken(signer: LinkSigner, memberId: string): Promise<string> {
  return (await signer.sign(`${PAYLOAD}${memberId}`)).replace(".", JOIN);
}

async function memberOf(signer: LinkSigner, token: string): Promise<string | undefined> {
  const payload = await signer.verify(token.replace(JOIN, "."));
  return payload?.startsWith(PAYLOAD) ? payload.slice(PAYLOAD.length) : undefined;
}

const GONE = "This card is not valid";

/** GET /v1/cards/{token} */
export async function getCard(deps: CardDeps, token: string): Promise<CardView> {
  const memberId = await memberOf(deps.signer, token);
  const ledger = memberId ? await deps.members.ledger(memberId) : undefined;
  if (!ledger) throw new NotFound(GONE);
  const contact = await deps.contacts.get(ledger.profile.contactId);
  if (!contact?.loyalty?.active) throw new NotFound(GONE);
  const program = (await activeProgram(deps)) ?? (await deps.program.get())?.program ?? DEFAULT_PROGRAM;
  const store = await deps.stores.get(ledger.profile.joinedStore);
  const now = deps.clock.now();
  return {
    member: memberView(ledger, program, now),
    storeName: store?.name ?? "Sonrisa",
    lang: ledger.profile.lang,
    tiers: program.tiers,
    secret: ledger.profile.secret,
    period: OTP_PERIOD_SECONDS,
    digits: OTP_DIGITS,
    serverTime: now.toISOString(),
  };
}
