/** The organisation's surprise rules, replaced as a whole. */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";

export interface RulesRepository {
  get(): Promise<SurpriseRule[]>;
  replace(rules: SurpriseRule[], by: string, at: string): Promise<void>;
}
