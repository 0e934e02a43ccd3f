// "My tasks" in three groups by due time: overdue (the due moment has passed), today (still to
// come today) and upcoming (a later day). "Today" is the calendar day of the shop's time zone
// (Moscow), as in the reports, not the server's or UTC's: at 23:30 in Moscow a task due at 00:30
// is tomorrow's, though both are on the same UTC day.
import { SHOP_TIME_ZONE, zonedDay } from "@/lib/reports/resolve-period";

export type DueGroup = "overdue" | "today" | "upcoming";
export const DUE_GROUPS: readonly DueGroup[] = ["overdue", "today", "upcoming"];

export function dueGroupOf(dueAt: Date, now: Date, timeZone = SHOP_TIME_ZONE): DueGroup {
  if (dueAt.getTime() < now.getTime()) return "overdue";
  return zonedDay(dueAt, timeZone) === zonedDay(now, timeZone) ? "today" : "upcoming";
}

/** The tasks in their groups, each group in due order. */
export function groupTasksByDue<T extends { dueAt: Date }>(tasks: readonly T[], now: Date, timeZone = SHOP_TIME_ZONE): Record<DueGroup, T[]> {
  const groups: Record<DueGroup, T[]> = { overdue: [], today: [], upcoming: [] };
  for (const task of [...tasks].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) groups[dueGroupOf(task.dueAt, now, timeZone)].push(task);
  return groups;
}
