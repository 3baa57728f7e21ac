/** What the domain reports about refused requests: counts and kinds only, never addresses, e-mails or secrets. */
export interface AuditLog {
  warn(message: string, fields?: Record<string, string | number>): void;
}
