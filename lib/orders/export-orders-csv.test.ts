import { describe, expect, it } from "vitest";
import { csvLine, safeText, zonedDateTimeFormatter } from "./export-orders-csv";

describe("csvLine (RFC 4180)", () => {
  it.each([
    [["a", "b", "c"], "a,b,c\r\n"],
    [["", "x", ""], ",x,\r\n"],
    [["with, comma"], '"with, comma"\r\n'],
    [['say "hi"'], '"say ""hi"""\r\n'],
    [["line\nbreak", "cr\rhere"], '"line\nbreak","cr\rhere"\r\n'],
    [["Иван Петров", "1950.00"], "Иван Петров,1950.00\r\n"],
  ])("%j → %j", (cells, expected) => {
    expect(csvLine(cells)).toBe(expected);
  });
});

describe("safeText (formula injection)", () => {
  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+79161234501", "'+79161234501"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Иван", "Иван"],
    ["a=b", "a=b"],
    ["", ""],
    [null, null],
  ])("%j → %j", (value, expected) => {
    expect(safeText(value)).toBe(expected);
  });
});

describe("zonedDateTimeFormatter (the offset read once per hour)", () => {
  // What Intl says of each instant, the way the export wrote it before the offset was cached.
  const intlWallClock = (instant: Date, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  };

  it.each([
    // Daylight-saving switches in both directions (30 min in Lord Howe) and Moscow's 2011/2014 changes.
    ["Europe/Berlin", "2026-03-29T00:00:00Z"],
    ["Europe/Berlin", "2026-10-25T00:00:00Z"],
    ["America/New_York", "2026-11-01T05:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"],
    // Switches at half past a UTC hour: the hour holding them is read per instant.
    ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
    ["Asia/Kathmandu", "1985-12-31T18:30:00Z"],
    ["Europe/Moscow", "2011-03-26T22:00:00Z"],
    ["Europe/Moscow", "2014-10-25T21:00:00Z"],
    ["UTC", "2026-12-31T22:00:00Z"],
  ])("%s around %s, newest first and oldest first, to the second", (timeZone, around) => {
    const centre = Date.parse(around);
    // Every 7 min 13.5 s over 6 hours either side: many instants per hour, both ends of each hour.
    const instants = Array.from({ length: 100 }, (_, index) => new Date(centre - 6 * 3_600_000 + index * 433_500));
    for (const order of [[...instants].reverse(), instants]) {
      const format = zonedDateTimeFormatter(timeZone);
      for (const instant of order) expect([instant.toISOString(), format(instant)]).toEqual([instant.toISOString(), intlWallClock(instant, timeZone)]);
    }
  });
});
