// When a failed webhook delivery is tried again: exponential backoff (1 min, doubling, at most
// 12 h apart) with "equal jitter" (half the delay fixed, half random), so that endpoints that
// fail together do not get every retry at the same second; no retry starts later than three
// days after the event. That makes about 15 tries: 1, 2, 4 … 512 min, then every ~9–12 h.
export const FIRST_RETRY_DELAY_MS = 60_000;
export const MAX_RETRY_DELAY_MS = 12 * 3_600_000;
export const RETRY_WINDOW_MS = 3 * 24 * 3_600_000;

/** Delay before try `failedAttempt + 1`; `random` in [0, 1) (Math.random by default). */
export function retryDelayMs(failedAttempt: number, random: () => number = Math.random): number {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) throw new RangeError(`failedAttempt must be a whole number ≥ 1, got ${failedAttempt}`);
  const exponential = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.min(failedAttempt - 1, 30));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

/** The time of the next try, or null when it would fall after the retry window (the delivery has failed for good). */
export function nextAttemptAt(failedAttempt: number, createdAt: Date, now: Date, random: () => number = Math.random): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(failedAttempt, random));
  return next.getTime() > createdAt.getTime() + RETRY_WINDOW_MS ? null : next;
}
