// What the settings page shows about money: the currencies, and per exchange-rate pair the rate
// in force now with its recent history and an example conversion. Everything is plain data
// (rates as exact decimal strings, times as ISO strings) so it can go to client components.
import { db } from "@/lib/db";
import { createRatesMap } from "@/lib/pricing/rates-map";

/** How many past rows of each pair the page lists. */
export const RATE_HISTORY_LENGTH = 10;

export interface CurrencyRow {
  code: string;
  name: string;
  symbol: string;
  minorUnitDigits: number;
  isEnabled: boolean;
}

export interface RateHistoryRow {
  id: string;
  rate: string;
  validFrom: string;
  source: string;
  createdByName: string | null;
}

export interface RatePair {
  fromCurrency: string;
  toCurrency: string;
  /** The row in force now (latest validFrom ≤ now); null when every row is scheduled for later. */
  current: RateHistoryRow | null;
  /** Newest first, at most RATE_HISTORY_LENGTH rows. */
  history: RateHistoryRow[];
  /** 1,950 major units of `toCurrency` expressed in `fromCurrency` at the current rate, as minor units of each. */
  example: { amountMinor: number; currency: string; convertedMinor: number; convertedCurrency: string } | null;
}

export interface CurrenciesOverview {
  currencies: CurrencyRow[];
  pairs: RatePair[];
}

interface HistoryQueryRow {
  id: string;
  fromCurrency: string;
  toCurrency: string;
  rate: string;
  validFrom: Date;
  source: string;
  createdByName: string | null;
  inForce: boolean;
}

const EXAMPLE_MAJOR_UNITS = 1950n;

export async function listCurrencies(): Promise<CurrenciesOverview> {
  const [currencies, rows] = await Promise.all([
    db.currency.findMany({
      select: { code: true, name: true, symbol: true, minorUnitDigits: true, isEnabled: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    // rate::text keeps the exact decimal; the window keeps the newest rows of each pair only.
    db.$queryRaw<HistoryQueryRow[]>`
      SELECT id, "fromCurrency", "toCurrency", rate, "validFrom", source, "createdByName", "inForce" FROM (
        SELECT r.id, trim(r."fromCurrency") AS "fromCurrency", trim(r."toCurrency") AS "toCurrency", r.rate::text AS rate,
          r."validFrom", r.source, u.name AS "createdByName", r."validFrom" <= now() AT TIME ZONE 'UTC' AS "inForce",
          row_number() OVER (PARTITION BY r."fromCurrency", r."toCurrency" ORDER BY r."validFrom" DESC) AS position
        FROM "ExchangeRate" r LEFT JOIN "User" u ON u.id = r."createdById"
      ) ranked
      WHERE position <= ${RATE_HISTORY_LENGTH}
      ORDER BY "fromCurrency", "toCurrency", "validFrom" DESC`,
  ]);

  const currencyRows = currencies.map((currency) => ({ ...currency, code: currency.code.trim() }));
  const digits = Object.fromEntries(currencyRows.map((currency) => [currency.code, currency.minorUnitDigits]));
  const pairs = new Map<string, RatePair>();
  for (const row of rows) {
    const key = `${row.fromCurrency}>${row.toCurrency}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { fromCurrency: row.fromCurrency, toCurrency: row.toCurrency, current: null, history: [], example: null };
      pairs.set(key, pair);
    }
    const historyRow: RateHistoryRow = { id: row.id, rate: row.rate, validFrom: row.validFrom.toISOString(), source: row.source, createdByName: row.createdByName };
    pair.history.push(historyRow);
    // Rows come newest first: the first one already in force is the current rate.
    if (!pair.current && row.inForce) pair.current = historyRow;
  }

  for (const pair of pairs.values()) {
    const toDigits = digits[pair.toCurrency];
    if (!pair.current || toDigits === undefined) continue;
    // A map of this pair alone: the example shows what this very rate does, not a pivot route.
    const map = createRatesMap([{ fromCurrency: pair.fromCurrency, toCurrency: pair.toCurrency, rate: pair.current.rate }], digits);
    const amountMinor = Number(EXAMPLE_MAJOR_UNITS * 10n ** BigInt(toDigits));
    const convertedMinor = map.convert(amountMinor, pair.toCurrency, pair.fromCurrency);
    if (convertedMinor !== null) pair.example = { amountMinor, currency: pair.toCurrency, convertedMinor, convertedCurrency: pair.fromCurrency };
  }

  return { currencies: currencyRows, pairs: [...pairs.values()] };
}
