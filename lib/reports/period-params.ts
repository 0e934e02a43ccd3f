// Reads a report page's period from its URL (period / from / to search params) and loads the
// report, falling back to the page's default period (naming the bad fields) when the URL holds a
// period that resolvePeriod refuses: a bad link is not a 500. Shared by the admin dashboard,
// the finance and clicks reports, a partner's admin page and the partner cabinet.
import { ZodError } from "zod";
import type { TPeriodInput } from "./resolve-period";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search param; an empty one reads as absent. */
export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The period as the URL gives it (unchecked: resolvePeriod validates it). */
export function periodInput(params: SearchParams): TPeriodInput {
  return { period: firstParam(params.period) as TPeriodInput["period"], from: firstParam(params.from), to: firstParam(params.to) };
}

/** The URL's period, or `defaultPeriod` when the URL names none. */
export function periodOrDefault(input: TPeriodInput, defaultPeriod: TPeriodInput): TPeriodInput {
  return input.period || input.from || input.to ? input : defaultPeriod;
}

/**
 * Loads with the URL's period, or with `defaultPeriod` when the URL names none. When the period is
 * refused (a ZodError), loads with `defaultPeriod` and reports the refused fields ("period",
 * "from", "to"). Other errors are thrown.
 */
export async function withPeriodFallback<T>(
  load: (input: TPeriodInput) => Promise<T>,
  input: TPeriodInput,
  defaultPeriod: TPeriodInput = {},
): Promise<{ result: T; invalidFields: string[] }> {
  try {
    return { result: await load(periodOrDefault(input, defaultPeriod)), invalidFields: [] };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return { result: await load(defaultPeriod), invalidFields: [...new Set(error.issues.map((issue) => String(issue.path[0] ?? "period")))] };
  }
}
