/** Which optional steps follow a tap, from the store's config. */
import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { sentimentOf } from "@sonrisa/shared/scoring";

export type Step = "attract" | "reasons" | "comment" | "member" | "optin" | "thanks";

/**
 * Reasons when the store has some for this answer's sentiment, always a comment, "are you a member?" while the
 * loyalty programme is on (a member is done there; "not a member" goes on to join), opt-in when enabled.
 */
export function stepsFor(config: Pick<KioskConfig, "reasons" | "optIn" | "loyalty">, score: number): Step[] {
  const steps: Step[] = [];
  if (config.reasons[sentimentOf(score)].length > 0) steps.push("reasons");
  steps.push("comment");
  if (config.loyalty) steps.push("member");
  if (config.optIn.enabled) steps.push("optin");
  return steps;
}
