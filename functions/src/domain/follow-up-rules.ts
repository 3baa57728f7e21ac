/** Follow-up rules: replaced as a whole, and only when every store a rule reaches has a template in each language. */
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import { Invalid } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { FollowUpRulesRepository } from "./ports/follow-up-rules-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";

export interface FollowUpRuleDeps {
  followUpRules: FollowUpRulesRepository;
  stores: StoreRepository;
  clock: Clock;
}

/** PUT /v1/follow-up-rules: the schema checked each rule; here, the stores' languages and ids. Nothing saved on a fault. */
export async function replaceFollowUpRules(
  deps: FollowUpRuleDeps,
  rules: FollowUpRule[],
  by: string,
): Promise<FollowUpRule[]> {
  const stores = await deps.stores.list();
  const issues: { code: "custom"; path: (string | number)[]; message: string }[] = [];
  rules.forEach((rule, i) => {
    const reached = rule.stores === "all" ? stores : stores.filter((s) => rule.stores.includes(s.storeId));
    if (rule.stores !== "all") {
      for (const id of rule.stores) {
        if (!stores.some((s) => s.storeId === id))
          issues.push({ code: "custom", path: ["rules", i, "stores"], message: `unknown store ${id}` });
      }
    }
    const missing = new Set(reached.flatMap((s) => s.languages).filter((lang) => !rule.templates[lang]));
    for (const lang of missing) {
      issues.push({
        code: "custom",
        path: ["rules", i, "templates", lang],
        message: `a store of this rule speaks ${lang}: add a template`,
      });
    }
  });
  if (issues.length) throw new Invalid("The body is not valid", issues);
  await deps.followUpRules.replace(rules, by, deps.clock.now().toISOString());
  return rules;
}
