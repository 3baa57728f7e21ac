/** Retry delays for the sender: exponential with "equal jitter", so kiosks that lost the network together do not return in step. */

export const BASE_MS = 1_000;
export const CAP_MS = 60_000;

/** Delay before retry number `attempt` (1, 2, …): half of min(cap, base·2^(attempt-1)) plus a random share of the other half. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
