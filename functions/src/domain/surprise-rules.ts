/** Replacing the surprise rules as a whole, each change kept as a revision (who, when, before and after). */
import type { RuleRevision, RuleRevisionsQuery, SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { Conflict } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { Ids } from "./ports/ids.ts";
import type { Principal } from "./ports/principal.ts";
import type { RulesRepository } from "./ports/rules-repository.ts";

export interface RulesDeps {
  rules: RulesRepository;
  clock: Clock;
  ids: Ids;
}

/** A few tries when two people save at the same moment; each revision's "before" is what it replaced. */
const MAX_ATTEMPTS = 3;
export const REVISIONS_PAGE = 20;

/** Saves the rules; saving the same rules again changes nothing and writes no revision. */
export async function replaceRules(deps: RulesDeps, auth: Principal, rules: SurpriseRule[]): Promise<SurpriseRule[]> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.rules.state();
    if (canonical(current.rules) === canonical(rules)) return rules;
    const revision: RuleRevision = {
      id: deps.ids.uuid(),
      at: deps.clock.now().toISOString(),
      by: auth.sub,
      before: current.rules,
      after: rules,
    };
    if (await deps.rules.replace(rules, current.version, revision)) return rules;
  }
  throw new Conflict("The rules kept changing while saving; reload them and try again");
}

/** Revisions, newest first, a page at a time. */
export async function listRuleRevisions(deps: Pick<RulesDeps, "rules">, query: RuleRevisionsQuery) {
  const page = await deps.rules.revisions(query.limit ?? REVISIONS_PAGE, query.cursor);
  return { revisions: page.items, cursor: page.cursor ?? null };
}

/** JSON with object keys sorted, so rules read back from the table compare equal to the same rules sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
