/**
 * How far the local demo's past is while `npm start` loads it in the background (functions/src/local), for
 * /v1/health to tell the dashboard. Nothing ever loads one in AWS.
 */
export interface DemoHistoryProgress {
  /**
   * While a load runs: its stage (the answers, then the past's follow-ups) and the answers planned and stored
   * so far; undefined when none does.
   */
  loading(): { stage: "answers" | "follow-ups"; planned: number; stored: number } | undefined;
}
