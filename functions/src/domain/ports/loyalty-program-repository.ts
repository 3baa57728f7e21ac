/** The organisation's loyalty programme (one item, replaced as a whole), its revisions and its consent versions. */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { LoyaltyProgram, LoyaltyRevision } from "@sonrisa/shared/schemas/loyalty";

export interface ProgramState {
  program: LoyaltyProgram;
  /** bumped by every save; a replacement is conditioned on it */
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** A version of the joining consent, immutable once written: the exact texts and their SHA-256. */
export interface LoyaltyConsentVersion {
  version: string;
  text: Record<Lang, string>;
  sha256: Record<Lang, string>;
}

export interface LoyaltyProgramRepository {
  /** The programme as saved (a consistent read), or undefined before the first save. */
  get(): Promise<ProgramState | undefined>;
  /**
   * Replaces the programme if it is still at `expectedVersion` (0: never saved), writing the revision in the
   * same transaction; false when another save got in first.
   */
  replace(program: LoyaltyProgram, expectedVersion: number, revision: LoyaltyRevision): Promise<boolean>;
  /** Revisions, newest first. */
  revisions(limit: number): Promise<LoyaltyRevision[]>;
  consentVersion(version: string): Promise<LoyaltyConsentVersion | undefined>;
  /** Writes a consent version unless one with that version exists; false when it existed. */
  addConsentVersion(consent: LoyaltyConsentVersion): Promise<boolean>;
}
