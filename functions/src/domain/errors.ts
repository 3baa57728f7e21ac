/** Typed domain errors; one middleware maps them to HTTP status codes and the error body. */

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Invalid extends DomainError {
  constructor(message: string, details?: unknown[]) {
    super(400, "invalid_request", message, details);
  }
}
export class Unauthorized extends DomainError {
  constructor(message = "Sign in first") {
    super(401, "unauthorized", message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = "Not allowed for this account") {
    super(403, "forbidden", message);
  }
}
export class NotFound extends DomainError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}
export class Conflict extends DomainError {
  constructor(message: string, code = "conflict") {
    super(409, code, message);
  }
}
export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSec: number,
  ) {
    super(429, "too_many_requests", message);
  }
}
/**
 * A dependency (the table) does not answer: refused, reset, throttled or timed out. Nothing half-done is
 * left behind (writes are transactions), so the client retries after `retryAfterSec`.
 */
export class Unavailable extends DomainError {
  constructor(
    /** What went wrong, for the log: "refused", "reset", "throttled", "timed out", "server error", "busy". */
    readonly kind: string,
    readonly retryAfterSec = 2,
  ) {
    super(503, "unavailable", "The service is unavailable for a moment; try again");
  }
}
