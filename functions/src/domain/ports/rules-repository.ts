/** The organisation's surprise rules, replaced as a whole, and the revision kept for every change. */
import type { RuleRevision, SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { Page } from "./page.ts";

/** The rules as stored, with the version a replacement is conditioned on. */
export interface RulesState {
  rules: SurpriseRule[];
  /** 0 before any rules were saved. */
  version: number;
}

export interface RulesRepository {
  get(): Promise<SurpriseRule[]>;
  /** The rules with their version (a strongly consistent read). */
  state(): Promise<RulesState>;
  /**
   * Replaces the rules if they are still at `expectedVersion`, writing `revision` in the same transaction;
   * false when another change got in first.
   */
  replace(rules: SurpriseRule[], expectedVersion: number, revision: RuleRevision): Promise<boolean>;
  /** Revisions, newest first. */
  revisions(limit: number, cursor?: string): Promise<Page<RuleRevision>>;
}
