import { describe, expect, it } from "vitest";
import { FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, RETRY_WINDOW_MS, nextAttemptAt, retryDelayMs } from "./retry-schedule";

describe("retryDelayMs", () => {
  it("doubles from one minute, jittered between half and the whole delay, capped at 12 hours", () => {
    expect(retryDelayMs(1, () => 0)).toBe(FIRST_RETRY_DELAY_MS / 2);
    expect(retryDelayMs(1, () => 0.999_999)).toBeCloseTo(FIRST_RETRY_DELAY_MS, -1);
    expect(retryDelayMs(2, () => 0)).toBe(FIRST_RETRY_DELAY_MS);
    expect(retryDelayMs(5, () => 0.5)).toBe(0.75 * 16 * FIRST_RETRY_DELAY_MS);
    expect(retryDelayMs(40, () => 0)).toBe(MAX_RETRY_DELAY_MS / 2);
    expect(retryDelayMs(40, () => 0.999_999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
  });

  it("refuses attempt numbers below 1", () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });
});

describe("nextAttemptAt", () => {
  it("schedules tries across three days and stops after the window", () => {
    const createdAt = new Date("2026-12-01T00:00:00Z");
    let now = createdAt;
    let attempt = 1;
    const gaps: number[] = [];
    for (;;) {
      const next = nextAttemptAt(attempt, createdAt, now, () => 1);
      if (!next) break;
      gaps.push(next.getTime() - now.getTime());
      now = next;
      attempt += 1;
    }
    expect(gaps.slice(0, 3)).toEqual([60_000, 120_000, 240_000]);
    expect(now.getTime() - createdAt.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(now.getTime() - createdAt.getTime()).toBeGreaterThan(RETRY_WINDOW_MS - MAX_RETRY_DELAY_MS);
    expect(attempt).toBeGreaterThanOrEqual(13);
    expect(attempt).toBeLessThanOrEqual(16);
  });
});
