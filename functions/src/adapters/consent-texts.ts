/**
 * Consent texts by store, version and language, hashed with SHA-256. For now the store's current text answers
 * when its version is the one asked for; immutable stored versions can replace this adapter behind the port.
 */
import { createHash } from "node:crypto";
import type { ConsentTexts } from "../domain/ports/consent-texts.ts";
import type { StoreRepository } from "../domain/ports/store-repository.ts";

export function makeConsentTexts(stores: StoreRepository): ConsentTexts {
  return {
    async get(storeId, version, lang) {
      const store = await stores.get(storeId);
      if (!store || store.consent.version !== version) return undefined;
      const text = store.consent.text[lang];
      return { text, sha256: createHash("sha256").update(text, "utf8").digest("hex") };
    },
  };
}
