/** Content digests: consent texts (kept with each version) and the kiosk config's ETag. */
export interface TextHasher {
  /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
  sha256(text: string): string;
}
