// ABC classification by revenue (customers by bought-out revenue, products by the revenue of PAID
// orders' items). Sorted by revenue, largest first (ties by id, byte order), an item is A while
// the revenue before it is under `a` % of the total, B while under `b` %, else C: the item that
// crosses a cut-off still belongs to the better class, so a single customer is A, not C. Items
// without revenue get no class. Integer arithmetic throughout (revenue is minor units).
// The segmentation job runs the same rule in SQL (recompute-segments.ts).
export type AbcClass = "A" | "B" | "C";

export interface AbcCutoffs {
  /** Whole percent, 0 < a < b < 100. */
  a: number;
  b: number;
}

export function classifyAbc<T extends { id: string; revenue: bigint }>(items: readonly T[], cutoffs: AbcCutoffs): Map<string, AbcClass> {
  const earning = items.filter((item) => item.revenue > 0n).sort((x, y) => (x.revenue === y.revenue ? (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) : x.revenue > y.revenue ? -1 : 1));
  const total = earning.reduce((sum, item) => sum + item.revenue, 0n);
  const classes = new Map<string, AbcClass>();
  let before = 0n;
  for (const item of earning) {
    classes.set(item.id, abcClassOf(before, total, cutoffs));
    before += item.revenue;
  }
  return classes;
}

/** The class of an item with `before` revenue ahead of it out of `total`. */
export function abcClassOf(before: bigint, total: bigint, { a, b }: AbcCutoffs): AbcClass {
  if (before * 100n < BigInt(a) * total) return "A";
  if (before * 100n < BigInt(b) * total) return "B";
  return "C";
}
