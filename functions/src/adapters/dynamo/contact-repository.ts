/**
 * Contacts, their identities and consent ledger. A new contact and its identities are written in one
 * transaction, each identity only if absent, so two opt-ins of one person at once make one contact; the
 * derived consent is saved under the contact's ledger version, so a stale ledger never wins.
 */
import { BatchGetCommand, DeleteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ConsentRecord } from "@sonrisa/shared/schemas/contacts";
import type {
  ConsentsOfContact,
  ContactRecord,
  ContactRepository,
  ContactSeed,
  Identity,
} from "../../domain/ports/contact-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll, queryPage, queryPages } from "./query-all.ts";
import { backoff, putIfAbsent, transactOnce, updateIf } from "./transact.ts";

const MAX_ATTEMPTS = 8;

export function makeContactRepository(table: Table): ContactRepository {
  const get = async (contactId: string) => {
    const out = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: keys.contact(contactId), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<ContactRecord>(out.Item) : undefined;
  };

  /** The contact of each identity, read consistently (an identity only ever points at one contact). */
  async function owners(identities: Identity[]): Promise<(string | undefined)[]> {
    if (identities.length === 0) return [];
    const wanted = identities.map((i) => keys.identity(i.kind, i.value));
    const out = await table.doc.send(
      new BatchGetCommand({ RequestItems: { [table.name]: { Keys: wanted, ConsistentRead: true } } }),
    );
    const found = out.Responses?.[table.name] ?? [];
    return wanted.map((k) => found.find((item) => item.pk === k.pk)?.contactId as string | undefined);
  }

  async function create(identities: Identity[], seed: ContactSeed): Promise<"created" | "raced"> {
    const contact: ContactRecord = {
      contactId: seed.contactId,
      ...(seed.email ? { email: seed.email } : {}),
      ...(seed.phone ? { phone: seed.phone } : {}),
      social: seed.social ? [seed.social] : [],
      ...(seed.lang ? { lang: seed.lang } : {}),
      stores: [seed.storeId],
      createdAt: seed.at,
      updatedAt: seed.at,
      consent: { active: false, purposes: [], channels: [] },
      ledgerVersion: 0,
    };
    const outcome = await transactOnce(table, [
      {
        Put: {
          TableName: table.name,
          Item: { ...keys.contact(seed.contactId), entity: "Contact", ...contact },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      ...identities.map((i) => ({
        Put: {
          TableName: table.name,
          Item: { ...keys.identity(i.kind, i.value), entity: "Identity", kind: i.kind, contactId: seed.contactId },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      })),
    ]);
    return outcome.committed ? "created" : "raced";
  }

  /** Adds what the opt-in brings that the contact lacks, and links its free identities. */
  async function enrich(contactId: string, identities: Identity[], found: (string | undefined)[], seed: ContactSeed) {
    for (const [i, identity] of identities.entries()) {
      if (found[i]) continue;
      await putIfAbsent(table, {
        ...keys.identity(identity.kind, identity.value),
        entity: "Identity",
        kind: identity.kind,
        contactId,
      });
    }
    const contact = await get(contactId);
    if (!contact) return;
    const social =
      seed.social && !contact.social.some((s) => s.network === seed.social!.network && s.handle === seed.social!.handle)
        ? [...contact.social, seed.social]
        : contact.social;
    const stores = contact.stores.includes(seed.storeId) ? contact.stores : [...contact.stores, seed.storeId];
    const email = contact.email ?? (found[identities.findIndex((i) => i.kind === "email")] ? undefined : seed.email);
    const phone = contact.phone ?? (found[identities.findIndex((i) => i.kind === "phone")] ? undefined : seed.phone);
    if (social === contact.social && stores === contact.stores && email === contact.email && phone === contact.phone)
      return;
    await table.doc
      .send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.contact(contactId),
          UpdateExpression:
            "SET social = :social, stores = :stores, updatedAt = :now" +
            (email ? ", email = :email" : "") +
            (phone ? ", phone = :phone" : ""),
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: {
            ":social": social,
            ":stores": stores,
            ":now": seed.at > contact.updatedAt ? seed.at : contact.updatedAt,
            ...(email ? { ":email": email } : {}),
            ...(phone ? { ":phone": phone } : {}),
          },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== "ConditionalCheckFailedException") throw error;
      });
  }

  return {
    async findOrCreate(identities, seed) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const found = await owners(identities);
        const owner = found.find(Boolean);
        if (owner) {
          await enrich(owner, identities, found, seed);
          return { contactId: owner, created: false };
        }
        if ((await create(identities, seed)) === "created") return { contactId: seed.contactId, created: true };
        await backoff(attempt); // another opt-in of the same person got there first: read again
      }
      throw new Error("Could not find or create the contact");
    },
    get,
    async byIdentity(identity) {
      return (await owners([identity]))[0];
    },
    async listActive(limit, cursor) {
      const out = await queryPage(table, keys.activeContacts(), {
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: cursor ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined,
      });
      const next = out.LastEvaluatedKey
        ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url")
        : undefined;
      return { items: (out.Items ?? []).map((i) => withoutKeys<ContactRecord>(i)), ...(next ? { cursor: next } : {}) };
    },
    async *allActive() {
      for await (const page of queryPages(table, keys.activeContacts(), { ScanIndexForward: false })) {
        yield page.map((i) => withoutKeys<ContactRecord>(i));
      }
    },
    async ledger(contactId) {
      const items = await queryAll(table, keys.contactLedger(contactId), { ConsistentRead: true });
      return items.map((i) => withoutKeys<ConsentRecord>(i)).sort((a, b) => a.at.localeCompare(b.at));
    },
    async append(contactId, record, derive) {
      const appended = await putIfAbsent(table, {
        ...keys.consentRecord(contactId, record.recordId),
        entity: "ConsentRecord",
        ...record,
      });
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const contact = await get(contactId);
        if (!contact) return appended;
        const consent = derive(await this.ledger(contactId));
        if (await saveConsent(table, contact, consent)) return appended;
        await backoff(attempt);
      }
      throw new Error("The contact's consent kept changing");
    },
    async messageIds(contactId) {
      const items = await queryAll(table, keys.contactMessages(contactId), { ConsistentRead: true });
      return items.map((i) => i.messageId as string);
    },
    async tombstone(contactId) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.tombstone(contactId) }));
      return out.Item ? withoutKeys(out.Item) : undefined;
    },
    async erase(contact, tombstone) {
      const identities: Identity[] = [
        ...(contact.email ? [{ kind: "email" as const, value: contact.email }] : []),
        ...(contact.phone ? [{ kind: "phone" as const, value: contact.phone }] : []),
        ...contact.social.map((s) => ({ kind: "social" as const, value: `${s.network}:${s.handle}` })),
      ];
      for (const i of identities) {
        // Only identities still pointing here: one taken over by a newer contact stays theirs.
        await table.doc
          .send(
            new DeleteCommand({
              TableName: table.name,
              Key: keys.identity(i.kind, i.value),
              ConditionExpression: "contactId = :id",
              ExpressionAttributeValues: { ":id": contact.contactId },
            }),
          )
          .catch((error: Error) => {
            if (error.name !== "ConditionalCheckFailedException") throw error;
          });
      }
      await putIfAbsent(table, { ...keys.tombstone(contact.contactId), entity: "Tombstone", ...tombstone });
      const profile = keys.contact(contact.contactId);
      for (const item of await queryAll(table, keys.contactItems(contact.contactId), { ConsistentRead: true })) {
        if (item.sk === keys.tombstone(contact.contactId).sk || item.sk === profile.sk) continue;
        await table.doc.send(new DeleteCommand({ TableName: table.name, Key: { pk: item.pk, sk: item.sk } }));
      }
      await table.doc.send(new DeleteCommand({ TableName: table.name, Key: profile })); // last: a crash can be erased again
    },
  };
}

/** Saves the derived consents if the contact is still at the version read; indexed only while marketing is active. */
async function saveConsent(table: Table, contact: ContactRecord, consents: ConsentsOfContact): Promise<boolean> {
  const { consent, loyalty } = consents;
  const index = keys.activeContactIndex(contact.createdAt, contact.contactId);
  const common = {
    TableName: table.name,
    Key: keys.contact(contact.contactId),
    ConditionExpression: "ledgerVersion = :seen",
  };
  return consent.active
    ? updateIf(table, {
        ...common,
        UpdateExpression: "SET consent = :c, loyalty = :l, ledgerVersion = :next, gsi1pk = :gpk, gsi1sk = :gsk",
        ExpressionAttributeValues: {
          ":c": consent,
          ":l": loyalty,
          ":seen": contact.ledgerVersion,
          ":next": contact.ledgerVersion + 1,
          ":gpk": index.gsi1pk,
          ":gsk": index.gsi1sk,
        },
      })
    : updateIf(table, {
        ...common,
        UpdateExpression: "SET consent = :c, loyalty = :l, ledgerVersion = :next REMOVE gsi1pk, gsi1sk",
        ExpressionAttributeValues: {
          ":c": consent,
          ":l": loyalty,
          ":seen": contact.ledgerVersion,
          ":next": contact.ledgerVersion + 1,
        },
      });
}
