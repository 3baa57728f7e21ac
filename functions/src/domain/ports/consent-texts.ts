/** The exact consent text a store showed for a version and language, and its SHA-256 (the kept, immutable version). */
import type { Lang } from "@sonrisa/shared/schemas/common";

export interface ConsentText {
  text: string;
  sha256: string;
}

export interface ConsentTexts {
  get(storeId: string, version: string, lang: Lang): Promise<ConsentText | undefined>;
}
