// Report periods in the shop's time zone. Reports and the order list's date filter speak in
// calendar days of Europe/Moscow ("today", "1–7 May"), while the database stores UTC instants;
// this module turns one into the other. Pure functions over Intl: no time zone library is
// installed, and Intl's tz database is the same one PostgreSQL is asked to agree with.
import { z } from "zod";

export const SHOP_TIME_ZONE = "Europe/Moscow";

/** The longest custom period a report accepts: a year of days keeps the day chart readable. */
export const MAX_PERIOD_DAYS = 366;

export const PERIOD_PRESETS = ["today", "yesterday", "7d", "30d", "month"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type PeriodKind = PeriodPreset | "custom";

/** A calendar day as `YYYY-MM-DD`, checked to be a real date (no 2026-02-30). */
export const ZCalendarDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the YYYY-MM-DD format")
  // The regex check does not stop zod from running this one, so it must cope with any string.
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || addDays(value, 0) === value, "No such date");

export interface ResolvedPeriod {
  kind: PeriodKind;
  /** First day of the period (inclusive), `YYYY-MM-DD` in `timeZone`. */
  fromDay: string;
  /** Last day of the period (inclusive). */
  toDay: string;
  /** UTC instant of `fromDay`'s midnight in `timeZone`. */
  start: Date;
  /** UTC instant of the midnight after `toDay` (exclusive end). */
  end: Date;
  /** Every day of the period in order, for charts that must show empty days too. */
  days: string[];
  timeZone: string;
}

/** `YYYY-MM-DD` plus `amount` calendar days (negative goes back). Calendar maths, no zone. */
export function addDays(day: string, amount: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const value = new Date(Date.UTC(year, month - 1, date + amount));
  // Years below 1000 would need padding; they are not report periods.
  return value.toISOString().slice(0, 10);
}

/** `count` consecutive days from `day` on: one date stepped along, not a parse per day (a year is 366). */
function daysFrom(day: string, count: number): string[] {
  const value = new Date(`${day}T00:00:00Z`);
  const days: string[] = [];
  for (let index = 0; index < count; index++) {
    days.push(value.toISOString().slice(0, 10));
    value.setUTCDate(value.getUTCDate() + 1);
  }
  return days;
}

/** Days from `from` to `to`, both inclusive (1 for the same day). */
export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in `timeZone`, as `YYYY-MM-DD`. */
export function zonedDay(instant: Date, timeZone = SHOP_TIME_ZONE): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const wallClockAsUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wallClockAsUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of midnight starting `day` in `timeZone`. */
export function zonedDayStart(day: string, timeZone = SHOP_TIME_ZONE): Date {
  const midnightAsUtc = Date.parse(`${day}T00:00:00Z`);
  // Two passes: the offset at the first guess may differ from the offset at the answer when a
  // daylight-saving switch lies between them.
  let instant = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  instant = midnightAsUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

export const ZPeriodInput = z.object({
  period: z.enum([...PERIOD_PRESETS, "custom"]).optional(),
  from: ZCalendarDay.optional(),
  to: ZCalendarDay.optional(),
});
export type TPeriodInput = z.input<typeof ZPeriodInput>;

/**
 * Turns a preset or a custom from/to into days and UTC bounds. A custom period needs both days,
 * `from` not after `to`, at most MAX_PERIOD_DAYS long; from/to alone imply "custom".
 * Throws a ZodError (→ 422) on bad input.
 */
export function resolvePeriod(input: TPeriodInput, now = new Date(), timeZone = SHOP_TIME_ZONE): ResolvedPeriod {
  const parsed = ZPeriodInput.parse(input);
  const kind: PeriodKind = parsed.period ?? (parsed.from || parsed.to ? "custom" : "today");
  const today = zonedDay(now, timeZone);
  let fromDay: string;
  let toDay: string;
  switch (kind) {
    case "today":
      [fromDay, toDay] = [today, today];
      break;
    case "yesterday":
      fromDay = toDay = addDays(today, -1);
      break;
    case "7d":
      [fromDay, toDay] = [addDays(today, -6), today];
      break;
    case "30d":
      [fromDay, toDay] = [addDays(today, -29), today];
      break;
    case "month":
      [fromDay, toDay] = [`${today.slice(0, 8)}01`, today];
      break;
    case "custom": {
      const issues: z.core.$ZodIssue[] = [];
      if (!parsed.from) issues.push({ code: "custom", path: ["from"], message: "Choose the first day", input: parsed.from });
      if (!parsed.to) issues.push({ code: "custom", path: ["to"], message: "Choose the last day", input: parsed.to });
      if (parsed.from && parsed.to && parsed.from > parsed.to) {
        issues.push({ code: "custom", path: ["to"], message: "The last day is before the first day", input: parsed.to });
      } else if (parsed.from && parsed.to && daysBetweenInclusive(parsed.from, parsed.to) > MAX_PERIOD_DAYS) {
        issues.push({ code: "custom", path: ["to"], message: `A period may span at most ${MAX_PERIOD_DAYS} days`, input: parsed.to });
      }
      if (issues.length) throw new z.ZodError(issues);
      [fromDay, toDay] = [parsed.from!, parsed.to!];
      break;
    }
  }
  const count = daysBetweenInclusive(fromDay, toDay);
  return {
    kind,
    fromDay,
    toDay,
    start: zonedDayStart(fromDay, timeZone),
    end: zonedDayStart(addDays(toDay, 1), timeZone),
    days: daysFrom(fromDay, count),
    timeZone,
  };
}
