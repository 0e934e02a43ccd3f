// Dates for people: one formatter so every admin table shows time the same way.
import { format } from "date-fns";

export function formatDateTime(value: Date | null | undefined) {
  return value ? format(value, "yyyy-MM-dd HH:mm") : "—";
}
