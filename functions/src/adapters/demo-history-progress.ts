/**
 * The demo history's progress, kept in this process: the local stack reports it as its loader stores answers
 * (local-stack.ts), and the health route of the same process reads it. A deployment wires `noDemoHistory`.
 */
import type { DemoHistoryProgress } from "../domain/ports/demo-history-progress.ts";

type Progress = ReturnType<DemoHistoryProgress["loading"]>;

let current: Progress;

/** The load's latest figures, or undefined once it has ended (loaded or failed). */
export function reportDemoHistoryProgress(progress: Progress): void {
  current = progress && { stage: progress.stage, planned: progress.planned, stored: progress.stored };
}

export const localDemoHistory: DemoHistoryProgress = { loading: () => current };

export const noDemoHistory: DemoHistoryProgress = { loading: () => undefined };
