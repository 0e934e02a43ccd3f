// Reads the cabinet's period from a page's search params, and falls back to today (naming the
// bad fields) when the URL holds a period that resolvePeriod refuses: a bad link is not a 500.
import { ZodError } from "zod";
import type { TPeriodInput } from "@/lib/reports/resolve-period";

export type SearchParams = Record<string, string | string[] | undefined>;

export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export function periodInput(params: SearchParams): TPeriodInput {
  // "month" is an owner's preset; a partner's URL carrying it still works, the picker just does not offer it.
  return { period: firstParam(params.period) as TPeriodInput["period"], from: firstParam(params.from), to: firstParam(params.to) };
}

export async function withPeriodFallback<T>(load: (input: TPeriodInput) => Promise<T>, input: TPeriodInput): Promise<{ result: T; invalidFields: string[] }> {
  try {
    return { result: await load(input), invalidFields: [] };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return { result: await load({}), invalidFields: [...new Set(error.issues.map((issue) => String(issue.path[0] ?? "period")))] };
  }
}
