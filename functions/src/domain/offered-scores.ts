/**
 * Scores a store's kiosks can send: a 4-face store has no neutral face, so a 3 from one of its kiosks is
 * refused (rejected, never counted). Apart from ingestion.ts so that file changes by one call.
 */
import { facesFor } from "@sonrisa/shared/scoring";
import type { StoreRecord } from "./ports/store-repository.ts";

export function refusedScore(store: Pick<StoreRecord, "scale">, score: number) {
  const faces = facesFor(store.scale);
  if (faces.includes(score)) return undefined;
  return { code: "score_not_offered", message: `This store's kiosks offer the scores ${faces.join(", ")}` };
}
