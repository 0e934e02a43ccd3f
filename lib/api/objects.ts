// Shared pieces of the API's objects (Stripe's conventions): ids as they are, `object` naming the
// kind, money as integer minor units beside an ISO 4217 currency, instants as ISO 8601 strings.
import { z } from "zod";

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export const ZInstant = z.iso.datetime().meta({ description: "An ISO 8601 instant (UTC)." });
export const ZMoney = z.int().meta({ description: "An amount in minor units of `currency` (kopecks, cents)." });
export const ZCurrency = z.string().length(3).meta({ description: "ISO 4217 currency code.", example: "RUB" });

/** An object id in a path: anything else is not an object of ours (404 without a query). */
export const ZPathId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** `created[gte]` / `created[lt]` filters of a list (ISO instants). */
export const ZCreatedRange = {
  "created[gte]": z.iso.datetime({ offset: true }).optional().meta({ description: "Only objects created at or after this instant." }),
  "created[lt]": z.iso.datetime({ offset: true }).optional().meta({ description: "Only objects created before this instant." }),
};

export function createdWhere(query: { "created[gte]"?: string; "created[lt]"?: string }, field = "createdAt"): Record<string, unknown> {
  const range: Record<string, Date> = {};
  if (query["created[gte]"]) range.gte = new Date(query["created[gte]"]);
  if (query["created[lt]"]) range.lt = new Date(query["created[lt]"]);
  return Object.keys(range).length ? { [field]: range } : {};
}
