/** What the domain needs from the world: a clock and an id source. Repositories declare their own interfaces. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Ids {
  uuid(): string;
}
