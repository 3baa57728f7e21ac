/**
 * How far the local demo's past is while `npm start` loads it in the background (functions/src/local), for
 * /v1/health to tell the dashboard. Nothing ever loads one in AWS.
 */
export interface DemoHistoryProgress {
  /** Answers of the past planned and stored so far while a load runs; undefined when none does. */
  loading(): { planned: number; stored: number } | undefined;
}
