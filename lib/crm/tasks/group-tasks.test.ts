import { describe, expect, it } from "vitest";
import { dueGroupOf, groupTasksByDue } from "./group-tasks";

const at = (iso: string) => new Date(iso);

describe("grouping tasks into overdue / today / upcoming (Moscow days)", () => {
  it("puts a passed due time in overdue, later today in today, another day in upcoming", () => {
    const now = at("2026-12-05T09:00:00Z"); // 12:00 in Moscow
    expect(dueGroupOf(at("2026-12-05T08:59:00Z"), now)).toBe("overdue");
    expect(dueGroupOf(at("2026-12-04T12:00:00Z"), now)).toBe("overdue");
    expect(dueGroupOf(at("2026-12-05T09:00:00Z"), now)).toBe("today"); // due this very minute
    expect(dueGroupOf(at("2026-12-05T20:59:00Z"), now)).toBe("today"); // 23:59 in Moscow
    expect(dueGroupOf(at("2026-12-05T21:00:00Z"), now)).toBe("upcoming"); // 00:00 on the 6th in Moscow
  });

  it("at 23:30 in Moscow a task due at 00:30 is tomorrow's, though both are on the same UTC day", () => {
    const now = at("2026-12-05T20:30:00Z"); // 23:30 on the 5th in Moscow
    expect(dueGroupOf(at("2026-12-05T21:30:00Z"), now)).toBe("upcoming"); // 00:30 on the 6th in Moscow
    expect(dueGroupOf(at("2026-12-05T20:45:00Z"), now)).toBe("today"); // 23:45 on the 5th
  });

  it("just after Moscow midnight, the rest of the new day is today though UTC is still on the day before", () => {
    const now = at("2026-12-05T21:10:00Z"); // 00:10 on the 6th in Moscow, 21:10 on the 5th in UTC
    expect(dueGroupOf(at("2026-12-05T22:00:00Z"), now)).toBe("today"); // 01:00 on the 6th
    expect(dueGroupOf(at("2026-12-06T20:00:00Z"), now)).toBe("today"); // 23:00 on the 6th
    expect(dueGroupOf(at("2026-12-06T21:00:00Z"), now)).toBe("upcoming"); // the 7th
    expect(dueGroupOf(at("2026-12-05T21:05:00Z"), now)).toBe("overdue");
  });

  it("keeps each group in due order", () => {
    const now = at("2026-12-05T09:00:00Z");
    const tasks = [
      { id: "c", dueAt: at("2026-12-07T09:00:00Z") },
      { id: "b", dueAt: at("2026-12-05T10:00:00Z") },
      { id: "a", dueAt: at("2026-12-01T09:00:00Z") },
      { id: "d", dueAt: at("2026-12-05T08:00:00Z") },
      { id: "e", dueAt: at("2026-12-06T09:00:00Z") },
    ];
    const groups = groupTasksByDue(tasks, now);
    expect(groups.overdue.map((task) => task.id)).toEqual(["a", "d"]);
    expect(groups.today.map((task) => task.id)).toEqual(["b"]);
    expect(groups.upcoming.map((task) => task.id)).toEqual(["e", "c"]);
  });
});
