/**
 * The exact consent text a store showed for a version and language, and its SHA-256. The seam for immutable,
 * hashed consent versions: today the store's current text answers when its version matches.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";

export interface ConsentText {
  text: string;
  sha256: string;
}

export interface ConsentTexts {
  get(storeId: string, version: string, lang: Lang): Promise<ConsentText | undefined>;
}
