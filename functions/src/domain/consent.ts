/**
 * The consent ledger's rules: a grant per opt-in answer (what was agreed, to which text, where and when), a
 * withdrawal per unsubscribe or admin action; the current consent is the ledger folded in time order.
 */
import type { ConsentChannel, ConsentRecord, CurrentConsent, Purpose } from "@sonrisa/shared/schemas/contacts";

/** A contact's consent for each purpose: marketing (news, offers, follow-ups) and loyalty (the programme). */
export interface ContactConsents {
  consent: CurrentConsent;
  loyalty: CurrentConsent;
}

/** Both purposes, each folded from its own records: an unsubscribe from a follow-up leaves membership alone. */
export function deriveConsents(ledger: readonly ConsentRecord[]): ContactConsents {
  return { consent: deriveConsent(ledger, "marketing"), loyalty: deriveConsent(ledger, "loyalty") };
}

/**
 * Folds the ledger's records of one purpose oldest first: a grant adds its channels, a withdrawal of the
 * purpose ends them all.
 */
export function deriveConsent(ledger: readonly ConsentRecord[], purpose: Purpose = "marketing"): CurrentConsent {
  const ordered = [...ledger]
    .filter((r) => r.purposes.includes(purpose))
    .sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt));
  let current: CurrentConsent = { active: false, purposes: [], channels: [] };
  for (const record of ordered) {
    if (record.type === "grant") {
      const channels = new Set<ConsentChannel>([...(current.active ? current.channels : []), ...record.channels]);
      current = {
        active: true,
        purposes: [purpose],
        channels: [...channels].sort(),
        version: record.version,
        since: current.active ? current.since : record.at,
      };
    } else {
      current = { active: false, purposes: [], channels: [], withdrawnAt: record.at };
    }
  }
  return current;
}

/** The channels an opt-in gave. */
export function channelsOf(optIn: { email?: string; phone?: string; social?: unknown }): ConsentChannel[] {
  return [
    ...(optIn.email ? (["email"] as const) : []),
    ...(optIn.phone ? (["sms"] as const) : []),
    ...(optIn.social ? (["social"] as const) : []),
  ];
}

/** Record ids: derived from what caused them, so a redelivery or a second click never adds a second one. */
export const recordIds = {
  grant: (answerId: string) => `grant.${answerId}`,
  loyalty: (answerId: string) => `loyalty.${answerId}`,
  unsubscribe: (messageId: string) => `unsubscribe.${messageId}`,
  admin: (id: string) => `admin.${id}`,
};
