// The value of a `datetime-local` field for an instant, on the shop's wall clock (the forms send
// it back the same way: parseInstant reads it in the shop's zone).
import { SHOP_TIME_ZONE } from "@/lib/reports/resolve-period";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-05T14:30" for 2026-12-05T11:30Z in Moscow. */
export function localInputValue(instant: Date, timeZone = SHOP_TIME_ZONE): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A sensible default due time: tomorrow at 10:00 on the shop's clock. */
export function suggestedDueAt(now = new Date(), timeZone = SHOP_TIME_ZONE): string {
  const tomorrow = new Date(now.getTime() + 86_400_000);
  return `${localInputValue(tomorrow, timeZone).slice(0, 10)}T10:00`;
}
