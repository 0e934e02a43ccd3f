// Loads the exchange rates in force now (the latest row of each pair with validFrom ≤ now) and
// the currencies' minor digits. Checkout pages read them on every view, so the snapshot is kept
// for a few seconds per process: a rate entered in the admin panel shows within that time.
import { createTtlCache } from "@/lib/cache/ttl-cache";
import { db, type DbTransaction } from "@/lib/db";
import { createRatesMap, type RateRow, type RatesMap } from "./rates-map";

const ratesCache = createTtlCache("rates-map", 5_000, () => loadRatesMap());

export function getRatesMap(options: { fresh?: boolean } = {}): Promise<RatesMap> {
  return ratesCache.get(options);
}

/**
 * The rates read now through `client`, uncached. Inside a transaction pass the transaction: a
 * read through the shared pool would need a second connection while the transaction holds one,
 * and when every connection is held by such a transaction none is ever free (the pool deadlocks
 * until the transactions time out).
 */
export async function loadRatesMap(client: Pick<DbTransaction, "$queryRaw" | "currency"> = db): Promise<RatesMap> {
  // rate::text keeps the exact decimal (Prisma would hand back a Decimal object). One query after
  // the other: a transaction is one connection, which runs one query at a time.
  const rows = await client.$queryRaw<RateRow[]>`
    SELECT DISTINCT ON ("fromCurrency", "toCurrency")
      trim("fromCurrency") AS "fromCurrency", trim("toCurrency") AS "toCurrency", rate::text AS rate
    FROM "ExchangeRate"
    WHERE "validFrom" <= now() AT TIME ZONE 'UTC'
    ORDER BY "fromCurrency", "toCurrency", "validFrom" DESC`;
  const currencies = await client.currency.findMany({ select: { code: true, minorUnitDigits: true } });
  const digits = Object.fromEntries(currencies.map((currency) => [currency.code, currency.minorUnitDigits]));
  return createRatesMap(rows, digits);
}

/** Drops the cached snapshot (after rates change, and in tests). */
export function clearRatesCache() {
  ratesCache.clear();
}
