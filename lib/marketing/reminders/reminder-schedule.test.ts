import { describe, expect, it } from "vitest";
import { dueRepeat, MINUTE_MS, STALE_AFTER_MS } from "./reminder-schedule";

const HOUR = 60 * MINUTE_MS;
const rule = { delayMinutes: 24 * 60, repeatCount: 2, repeatIntervalMinutes: 12 * 60 }; // after 24 h, then twice every 12 h
const enteredAt = new Date("2026-12-01T10:00:00Z");
const at = (hours: number) => new Date(enteredAt.getTime() + hours * HOUR);

describe("dueRepeat", () => {
  it.each([
    { case: "before the delay", sent: 0, last: null, now: 23, expected: null },
    { case: "at the delay", sent: 0, last: null, now: 24, expected: 0 },
    { case: "first repeat too early", sent: 1, last: 24, now: 35, expected: null },
    { case: "first repeat", sent: 1, last: 24, now: 36, expected: 1 },
    { case: "repeats count from the last one sent, not from the schedule", sent: 1, last: 60, now: 61, expected: null },
    { case: "second repeat", sent: 2, last: 36, now: 48, expected: 2 },
    { case: "all sent", sent: 3, last: 48, now: 500, expected: null },
    { case: "a first reminder far overdue is dropped", sent: 0, last: null, now: 24 + STALE_AFTER_MS / HOUR + 1, expected: null },
  ])("$case", ({ sent, last, now, expected }) => {
    expect(dueRepeat(rule, { enteredAt, sent, lastSentAt: last === null ? null : at(last) }, at(now))).toBe(expected);
  });

  it("sends one reminder without repeats", () => {
    const once = { ...rule, repeatCount: 0 };
    expect(dueRepeat(once, { enteredAt, sent: 0, lastSentAt: null }, at(30))).toBe(0);
    expect(dueRepeat(once, { enteredAt, sent: 1, lastSentAt: at(30) }, at(300))).toBeNull();
  });
});
