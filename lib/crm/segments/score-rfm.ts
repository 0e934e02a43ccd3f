// RFM quintile scoring, the rule the segmentation job runs in SQL (recompute-segments.ts) written
// as a pure function: the tests pin it down, and the integration test checks the SQL against it.
// Only customers with a PAID order are scored (the others get no scores). Each dimension is
// ranked and cut into five groups as equal as possible, exactly like PostgreSQL's ntile(5): with
// N customers, the first N mod 5 groups hold one more. Ties are broken by the other dimensions,
// then by id (byte order, as `COLLATE "C"`), so equal customers always land the same way:
// - recency: last PAID time, older first (the most recent fifth scores 5);
// - frequency: PAID orders, fewer first;
// - monetary: bought-out revenue, less first.
import type { RfmScores } from "./segment-settings";

export interface RfmInput {
  id: string;
  lastPaidAt: Date | null;
  paidOrdersCount: number;
  paidRevenue: bigint;
}

type Key = (customer: RfmInput) => (number | bigint | string)[];

const time = (customer: RfmInput) => customer.lastPaidAt?.getTime() ?? 0;
const RECENCY: Key = (c) => [time(c), c.paidOrdersCount, c.paidRevenue, c.id];
const FREQUENCY: Key = (c) => [c.paidOrdersCount, c.paidRevenue, time(c), c.id];
const MONETARY: Key = (c) => [c.paidRevenue, c.paidOrdersCount, time(c), c.id];

function compareKeys(a: (number | bigint | string)[], b: (number | bigint | string)[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index]!, b[index]!];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** ntile(buckets) of each position 0…count-1, as PostgreSQL computes it. */
export function ntile(position: number, count: number, buckets = 5): number {
  const size = Math.floor(count / buckets);
  const larger = count % buckets; // the first `larger` buckets hold size + 1
  const inLarger = larger * (size + 1);
  return position < inLarger ? Math.floor(position / (size + 1)) + 1 : larger + Math.floor((position - inLarger) / size) + 1;
}

function scoreBy(customers: RfmInput[], key: Key): Map<string, number> {
  const sorted = [...customers].sort((a, b) => compareKeys(key(a), key(b)));
  return new Map(sorted.map((customer, position) => [customer.id, ntile(position, sorted.length)]));
}

/** Scores of every customer with a PAID order; the others are not in the result. */
export function scoreRfm(customers: readonly RfmInput[]): Map<string, RfmScores> {
  const scored = customers.filter((customer) => customer.paidOrdersCount > 0);
  const [r, f, m] = [scoreBy(scored, RECENCY), scoreBy(scored, FREQUENCY), scoreBy(scored, MONETARY)];
  return new Map(scored.map((customer) => [customer.id, { r: r.get(customer.id)!, f: f.get(customer.id)!, m: m.get(customer.id)! }]));
}
