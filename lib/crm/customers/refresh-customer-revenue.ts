// A customer's bought-out revenue (Customer.paidRevenue): the totals of their PAID orders — a
// COD order the customer refused is not revenue — in the shop's home currency (RUB), each
// currency's sum converted once with the rates in force. The CRM list filters and sorts by it,
// and RFM/ABC segmentation ranks by it. Refreshed when an order enters or leaves PAID (in the
// status change's transaction), when cards are merged, and for everyone by the segmentation job.
import { db, type DbTransaction } from "@/lib/db";
import { logger } from "@/lib/logger";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { PIVOT_CURRENCY, type RatesMap } from "@/lib/pricing/rates-map";

/** The currency of Customer.paidRevenue. */
export const CRM_REVENUE_CURRENCY = PIVOT_CURRENCY;

interface PaidSumRow {
  customerId: string;
  currency: string;
  amountMinor: bigint;
}

/** Sums per currency → one amount in CRM_REVENUE_CURRENCY minor units (unconvertible currencies are left out, and logged). */
export function paidRevenueOf(sums: readonly { currency: string; amountMinor: bigint }[], rates: RatesMap): bigint {
  let total = 0n;
  for (const { currency, amountMinor } of sums) {
    if (currency === CRM_REVENUE_CURRENCY) {
      total += amountMinor;
      continue;
    }
    const converted = rates.convert(Number(amountMinor), currency, CRM_REVENUE_CURRENCY);
    if (converted === null) logger.warn({ currency }, "no exchange rate to count bought-out revenue in %s", CRM_REVENUE_CURRENCY);
    else total += BigInt(converted);
  }
  return total;
}

/** Recomputes paidRevenue of these customers (any number: worked in batches of 5,000). */
export async function refreshCustomerRevenue(customerIds: readonly string[], options: { tx?: DbTransaction; rates?: RatesMap } = {}): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return;
  const client = options.tx ?? db;
  const rates = options.rates ?? (await getRatesMap());
  for (let start = 0; start < ids.length; start += 5_000) {
    const batch = ids.slice(start, start + 5_000);
    const rows = await client.$queryRaw<PaidSumRow[]>`
      SELECT o."customerId" AS "customerId", trim(o."currency") AS "currency", sum(o."total")::bigint AS "amountMinor"
      FROM "Order" o
      WHERE o."customerId" = ANY(${batch}::text[]) AND o."status" = 'PAID'
      GROUP BY 1, 2`;
    const sumsByCustomer = new Map<string, PaidSumRow[]>();
    for (const row of rows) {
      const sums = sumsByCustomer.get(row.customerId);
      if (sums) sums.push(row);
      else sumsByCustomer.set(row.customerId, [row]);
    }
    const revenues = batch.map((id) => paidRevenueOf(sumsByCustomer.get(id) ?? [], rates).toString());
    await client.$executeRaw`
      UPDATE "Customer" c SET "paidRevenue" = v.revenue
      FROM unnest(${batch}::text[], ${revenues}::bigint[]) AS v(id, revenue)
      WHERE c."id" = v.id AND c."paidRevenue" IS DISTINCT FROM v.revenue`;
  }
}
