/**
 * Consent texts by store, version and language: the kept, immutable version with its SHA-256 (written when a
 * store is created or its consent changes); a store from before versions were kept answers with its current
 * text when the version matches, hashed here the same way.
 */
import type { ConsentTexts } from "../domain/ports/consent-texts.ts";
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import type { TextHasher } from "../domain/ports/text-hasher.ts";

export function makeConsentTexts(stores: StoreRepository, hasher: TextHasher): ConsentTexts {
  return {
    async get(storeId, version, lang) {
      const kept = await stores.consentVersion(storeId, version);
      if (kept) {
        const text = kept.text[lang];
        return text === undefined ? undefined : { text, sha256: kept.sha256[lang] ?? hasher.sha256(text) };
      }
      const store = await stores.get(storeId);
      const text = store?.consent.version === version ? store.consent.text[lang] : undefined;
      return text === undefined ? undefined : { text, sha256: hasher.sha256(text) };
    },
  };
}
