/** Where a scheduled job that works through pages left off, so its next run resumes there. */
export interface JobStateRepository {
  /** The cursor the job saved, or undefined to start from the beginning. */
  cursor(job: string): Promise<string | undefined>;
  /** Saves where to resume; undefined clears it (the next run starts over). */
  saveCursor(job: string, cursor: string | undefined, at: string): Promise<void>;
}
