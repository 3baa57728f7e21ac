/**
 * Free text as people type it, made safe to store and show: no control characters (C0 but newline, DEL,
 * C1, which include the terminal's ESC) and no bidirectional formatting marks (embeddings, overrides,
 * isolates, LRM/RLM/ALM), which would let a comment reorder what the dashboard shows around it.
 * Joiners (U+200C, U+200D) stay: emoji and several scripts need them.
 */

/** Everything `cleanText` removes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without control characters (newlines kept) and without bidi formatting marks. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, "");
}

/** True when `cleanText` would change the text. */
export function hasUnsafeText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
