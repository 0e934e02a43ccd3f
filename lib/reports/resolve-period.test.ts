import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { addDays, resolvePeriod, zonedDay, zonedDayStart } from "./resolve-period";

// 2026-03-10 22:30 UTC is already 2026-03-11 01:30 in Moscow (UTC+3).
const NOW = new Date("2026-03-10T22:30:00Z");

describe("zoned days", () => {
  it.each([
    ["2026-03-10T20:59:59.999Z", "2026-03-10"],
    ["2026-03-10T21:00:00.000Z", "2026-03-11"],
    ["2025-12-31T21:00:00.000Z", "2026-01-01"],
  ])("%s falls on %s in Moscow", (instant, day) => {
    expect(zonedDay(new Date(instant))).toBe(day);
  });

  it.each([
    ["2026-03-11", "Europe/Moscow", "2026-03-10T21:00:00.000Z"],
    ["2026-01-01", "UTC", "2026-01-01T00:00:00.000Z"],
    // Berlin switches to summer time on 2026-03-29 at 02:00: the day still starts at 00:00 CET.
    ["2026-03-29", "Europe/Berlin", "2026-03-28T23:00:00.000Z"],
    ["2026-03-30", "Europe/Berlin", "2026-03-29T22:00:00.000Z"],
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z"],
  ])("%s starts in %s at %s", (day, zone, instant) => {
    expect(zonedDayStart(day, zone).toISOString()).toBe(instant);
  });

  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-03-11", -29, "2026-02-10"],
  ])("%s + %i days = %s", (day, amount, expected) => {
    expect(addDays(day, amount)).toBe(expected);
  });
});

describe("resolvePeriod", () => {
  it.each([
    [{}, "today", "2026-03-11", "2026-03-11", 1],
    [{ period: "today" as const }, "today", "2026-03-11", "2026-03-11", 1],
    [{ period: "yesterday" as const }, "yesterday", "2026-03-10", "2026-03-10", 1],
    [{ period: "7d" as const }, "7d", "2026-03-05", "2026-03-11", 7],
    [{ period: "30d" as const }, "30d", "2026-02-10", "2026-03-11", 30],
    [{ period: "month" as const }, "month", "2026-03-01", "2026-03-11", 11],
    [{ from: "2026-02-01", to: "2026-02-28" }, "custom", "2026-02-01", "2026-02-28", 28],
    [{ period: "custom" as const, from: "2026-03-01", to: "2026-03-01" }, "custom", "2026-03-01", "2026-03-01", 1],
  ])("%o → %s %s..%s (%i days)", (input, kind, fromDay, toDay, length) => {
    const period = resolvePeriod(input, NOW);
    expect(period).toMatchObject({ kind, fromDay, toDay });
    expect(period.days).toHaveLength(length);
    expect(period.days[0]).toBe(fromDay);
    expect(period.days.at(-1)).toBe(toDay);
    expect(period.start.toISOString()).toBe(zonedDayStart(fromDay).toISOString());
    expect(period.end.toISOString()).toBe(zonedDayStart(addDays(toDay, 1)).toISOString());
  });

  it("bounds today by Moscow midnights", () => {
    const period = resolvePeriod({ period: "today" }, NOW);
    expect(period.start.toISOString()).toBe("2026-03-10T21:00:00.000Z");
    expect(period.end.toISOString()).toBe("2026-03-11T21:00:00.000Z");
  });

  it.each([
    [{ period: "custom" as const }, ["from", "to"]],
    [{ from: "2026-03-02", to: "2026-03-01" }, ["to"]],
    [{ from: "2026-02-30", to: "2026-03-01" }, ["from"]],
    [{ from: "01.03.2026", to: "2026-03-01" }, ["from"]],
    [{ from: "2024-01-01", to: "2026-01-01" }, ["to"]],
    [{ period: "week" }, ["period"]],
  ])("refuses %o naming %o", (input, fields) => {
    let error: unknown;
    try {
      resolvePeriod(input as never, NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ZodError);
    expect([...new Set((error as ZodError).issues.map((issue) => issue.path[0]))].sort()).toEqual(fields);
  });
});
