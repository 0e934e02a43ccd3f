// The codes of the countries the shop has enabled, for proxy.ts to name only those in the
// checkout's internal path. Read on every checkout request, so each process keeps them for a few
// seconds (like the checkout's own reference data, lib/checkout/load-checkout-context.ts).
import { db } from "@/lib/db";

const CACHE_MS = 5_000;
const globalForCountries = globalThis as unknown as { lavkaEnabledCountryCodes?: { value: Promise<ReadonlySet<string>>; loadedAt: number } };

export function getEnabledCountryCodes(): Promise<ReadonlySet<string>> {
  const cached = globalForCountries.lavkaEnabledCountryCodes;
  if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.value;
  const value = db.country
    .findMany({ where: { isEnabled: true }, select: { code: true } })
    .then((rows): ReadonlySet<string> => new Set(rows.map((row) => row.code.trim())));
  globalForCountries.lavkaEnabledCountryCodes = { value, loadedAt: Date.now() };
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (globalForCountries.lavkaEnabledCountryCodes?.value === value) globalForCountries.lavkaEnabledCountryCodes = undefined;
  });
  return value;
}
