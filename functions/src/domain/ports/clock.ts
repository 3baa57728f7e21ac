/** Time, as the domain sees it: handlers and use cases never read the system clock themselves. */
export interface Clock {
  now(): Date;
}
