// Loads the exchange rates in force now (the latest row of each pair with validFrom ≤ now) and
// the currencies' minor digits. Checkout pages read them on every view, so the snapshot is kept
// for a few seconds per process: a rate entered in the admin panel shows within that time.
import { db } from "@/lib/db";
import { createRatesMap, type RateRow, type RatesMap } from "./rates-map";

const CACHE_MS = 5_000;
// On globalThis: Next.js may load this module more than once in a process, and a clear must reach every copy.
const globalForRates = globalThis as unknown as { lavkaRatesMap?: { map: RatesMap; loadedAt: number } };

export async function getRatesMap(options: { fresh?: boolean } = {}): Promise<RatesMap> {
  const cached = globalForRates.lavkaRatesMap;
  if (!options.fresh && cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.map;
  const [rows, currencies] = await Promise.all([
    // rate::text keeps the exact decimal (Prisma would hand back a Decimal object).
    db.$queryRaw<RateRow[]>`
      SELECT DISTINCT ON ("fromCurrency", "toCurrency")
        trim("fromCurrency") AS "fromCurrency", trim("toCurrency") AS "toCurrency", rate::text AS rate
      FROM "ExchangeRate"
      WHERE "validFrom" <= now() AT TIME ZONE 'UTC'
      ORDER BY "fromCurrency", "toCurrency", "validFrom" DESC`,
    db.currency.findMany({ select: { code: true, minorUnitDigits: true } }),
  ]);
  const digits = Object.fromEntries(currencies.map((currency) => [currency.code, currency.minorUnitDigits]));
  const map = createRatesMap(rows, digits);
  globalForRates.lavkaRatesMap = { map, loadedAt: Date.now() };
  return map;
}

/** Drops the cached snapshot (after rates change, and in tests). */
export function clearRatesCache() {
  globalForRates.lavkaRatesMap = undefined;
}
