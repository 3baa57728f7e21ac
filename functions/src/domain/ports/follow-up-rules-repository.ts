/** The organisation's follow-up rules, replaced as a whole. */
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";

export interface FollowUpRulesRepository {
  get(): Promise<FollowUpRule[]>;
  replace(rules: FollowUpRule[], by: string, at: string): Promise<void>;
}
