/**
 * Word forms for counts, chosen by the language's plural rules (Intl.PluralRules), so no message says
 * "1 answers". Spanish and English need two forms: `one` and everything else.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";

/** `pluralOf("es")(n, "respuesta", "respuestas")` gives the form a count of `n` takes in Spanish. */
export function pluralOf(lang: Lang): (n: number, one: string, other: string) => string {
  const rules = new Intl.PluralRules(lang);
  return (n, one, other) => (rules.select(n) === "one" ? one : other);
}
