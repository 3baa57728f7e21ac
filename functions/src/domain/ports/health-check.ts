/** Whether the storage answers, for /v1/health. */
export interface HealthCheck {
  /** Resolves when the storage answers; rejects when it does not. */
  ping(): Promise<void>;
}
