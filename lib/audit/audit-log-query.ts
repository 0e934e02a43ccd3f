// The filters of Settings → Audit log, as the page's URL and the CSV export carry them.
import { z } from "zod";
import { ZCalendarDay } from "@/lib/reports/resolve-period";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

export const ZAuditLogQuery = z.object({
  /** An actor id (employee, partner or API key). */
  actor: optionalText(64),
  /** An action ("order.status"), or a prefix ending in "." ("order." = every order action). */
  action: optionalText(100),
  entityType: optionalText(64),
  entityId: optionalText(64),
  from: z.preprocess((value) => value || undefined, ZCalendarDay.optional()),
  to: z.preprocess((value) => value || undefined, ZCalendarDay.optional()),
  /** Keyset: entries older than this id. */
  before: z.preprocess(
    (value) => value || undefined,
    z
      .string()
      .regex(/^[1-9]\d{0,18}$/)
      .optional(),
  ),
});
export type TAuditLogQuery = z.output<typeof ZAuditLogQuery>;

/** Employee, partner, API key or Lavka: the writers of AuditLog used a few spellings of each. */
export function actorKind(actorType: string): "USER" | "PARTNER" | "API_KEY" | "SYSTEM" | "CUSTOMER" {
  const type = actorType.toUpperCase();
  if (type === "USER" || type === "STAFF") return "USER";
  if (type === "PARTNER" || type === "API_KEY" || type === "CUSTOMER") return type;
  return "SYSTEM";
}
