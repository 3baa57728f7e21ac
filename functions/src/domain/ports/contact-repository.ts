/** Contacts (one per person and organisation), found by their identities, and their append-only consent ledger. */
import type { ConsentRecord, Contact, CurrentConsent } from "@sonrisa/shared/schemas/contacts";

/** A contact's consent for each purpose, as derived from the whole ledger. */
export interface ConsentsOfContact {
  consent: CurrentConsent;
  loyalty: CurrentConsent;
}

import type { Page } from "./page.ts";

/** A normalised way to reach a person: e-mail lower-cased, phone E.164, `network:handle` lower-cased. */
export interface Identity {
  kind: "email" | "phone" | "social";
  value: string;
}

export type ContactRecord = Contact & {
  /** bumped by every append, so two appends never save a consent derived from a stale ledger */
  ledgerVersion: number;
};

/** What an opt-in adds to a contact; `contactId` is used only if the contact is new. */
export interface ContactSeed {
  contactId: string;
  email?: string;
  phone?: string;
  social?: { network: Contact["social"][number]["network"]; handle: string };
  lang?: Contact["lang"];
  storeId: string;
  at: string;
}

export interface Tombstone {
  contactId: string;
  erasedAt: string;
  erasedBy: string;
  answers: number;
  messages: number;
  records: number;
}

export interface ContactRepository {
  /**
   * The contact that owns any of the identities, or a new one made from `seed` under conditions (two opt-ins
   * of one e-mail at once make one contact). Identities not yet linked are linked to it; the store is added.
   */
  findOrCreate(identities: Identity[], seed: ContactSeed): Promise<{ contactId: string; created: boolean }>;
  get(contactId: string): Promise<ContactRecord | undefined>;
  /** The contact owning an identity. */
  byIdentity(identity: Identity): Promise<string | undefined>;
  /** Contacts with active consent, newest first. */
  listActive(limit: number, cursor?: string): Promise<Page<ContactRecord>>;
  /** Every contact with active consent, page by page (the CSV). */
  allActive(): AsyncGenerator<ContactRecord[]>;
  ledger(contactId: string): Promise<ConsentRecord[]>;
  /**
   * Appends the record unless one with its id exists, then saves the consents `derive` computes from the whole
   * ledger on the contact (under its ledger version, retried on a race). False when the record existed.
   */
  append(
    contactId: string,
    record: ConsentRecord,
    derive: (ledger: ConsentRecord[]) => ConsentsOfContact,
  ): Promise<boolean>;
  /** Ids of the messages made for the contact. */
  messageIds(contactId: string): Promise<string[]>;
  tombstone(contactId: string): Promise<Tombstone | undefined>;
  /** Deletes the contact, its identities, ledger and message links; keeps only the tombstone. */
  erase(contact: ContactRecord, tombstone: Tombstone): Promise<void>;
}
