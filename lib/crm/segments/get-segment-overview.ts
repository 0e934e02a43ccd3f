// What /admin/customers/segments shows: customers and bought-out revenue per RFM segment (in the
// map's order) and per ABC class, products by ABC class (revenue of PAID orders' items, each
// currency converted once to RUB with the shop's rates), the settings, whether every score
// combination maps to a segment, and the state of the runs. Readable with viewCustomers.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { createTtlCache } from "@/lib/cache/ttl-cache";
import { CRM_REVENUE_CURRENCY } from "@/lib/crm/customers/refresh-customer-revenue";
import { assertCrm } from "@/lib/crm/crm-access";
import { db } from "@/lib/db";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { classifyAbc, type AbcClass } from "./classify-abc";
import { getSegmentSettings } from "./get-segment-settings";
import { getSegmentRun, isRunActive, type TSegmentRun } from "./segment-run";
import { uncoveredCombinations, type RfmScores, type TCrmSegmentSettings } from "./segment-settings";

export const ABC_CLASSES: readonly AbcClass[] = ["A", "B", "C"];

export interface SegmentCount {
  customers: number;
  /** Bought-out revenue, minor units of `revenueCurrency`. */
  revenue: bigint;
}

export interface ProductAbcRow {
  productId: string;
  name: string;
  revenue: bigint;
  abcClass: AbcClass;
}

export interface SegmentOverview {
  revenueCurrency: string;
  settings: TCrmSegmentSettings;
  uncovered: RfmScores[];
  /** One entry per rule of the map, in order (zero counts included). */
  segments: ({ name: string } & SegmentCount)[];
  /** Scored customers whose scores no rule maps. */
  unmapped: SegmentCount;
  abc: ({ abcClass: AbcClass } & SegmentCount)[];
  /** Customers with no PAID order (no scores, no class). */
  unsegmented: number;
  products: ProductAbcRow[];
  run: TSegmentRun & { active: boolean };
}

// Products by ABC read every PAID order's items: kept a minute per process.
const productRevenueCache = createTtlCache("crm-product-abc", 60_000, loadProductRevenue);

async function loadProductRevenue(): Promise<{ productId: string; name: string; revenue: bigint }[]> {
  const [rows, rates] = await Promise.all([
    db.$queryRaw<{ productId: string; name: string; currency: string; amount: bigint }[]>`
      SELECT i."productId" AS "productId", p."name" AS name, trim(o."currency") AS currency, sum(i."total")::bigint AS amount
      FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" JOIN "Product" p ON p."id" = i."productId"
      WHERE o."status" = 'PAID'
      GROUP BY 1, 2, 3`,
    getRatesMap(),
  ]);
  const byProduct = new Map<string, { productId: string; name: string; revenue: bigint }>();
  for (const row of rows) {
    const converted = row.currency === CRM_REVENUE_CURRENCY ? BigInt(row.amount) : rates.convert(Number(row.amount), row.currency, CRM_REVENUE_CURRENCY);
    if (converted === null) continue;
    const entry = byProduct.get(row.productId) ?? { productId: row.productId, name: row.name, revenue: 0n };
    entry.revenue += BigInt(converted);
    byProduct.set(row.productId, entry);
  }
  return [...byProduct.values()];
}

export async function getSegmentOverview(actor: TSectionActor, now = new Date()): Promise<SegmentOverview> {
  const staff = assertSectionActor(actor, "customers");
  assertCrm(staff, "viewCustomers");
  const [settings, run, bySegment, byClass, unsegmented, productRevenue] = await Promise.all([
    getSegmentSettings(),
    getSegmentRun(),
    db.$queryRaw<{ name: string | null; customers: number; revenue: bigint }[]>`
      SELECT "rfmSegment" AS name, count(*)::int AS customers, coalesce(sum("paidRevenue"), 0)::bigint AS revenue
      FROM "Customer" WHERE "mergedIntoId" IS NULL AND "rfmRecency" IS NOT NULL GROUP BY 1`,
    db.$queryRaw<{ abcClass: string; customers: number; revenue: bigint }[]>`
      SELECT trim("abcClass") AS "abcClass", count(*)::int AS customers, coalesce(sum("paidRevenue"), 0)::bigint AS revenue
      FROM "Customer" WHERE "mergedIntoId" IS NULL AND "abcClass" IS NOT NULL GROUP BY 1`,
    db.customer.count({ where: { mergedIntoId: null, rfmRecency: null, abcClass: null } }),
    productRevenueCache.get(),
  ]);
  const { stored: _stored, ...values } = settings;
  const segmentCounts = new Map(bySegment.map((row) => [row.name, row]));
  const classCounts = new Map(byClass.map((row) => [row.abcClass, row]));
  const count = (row?: { customers: number; revenue: bigint }): SegmentCount => ({ customers: row?.customers ?? 0, revenue: BigInt(row?.revenue ?? 0) });
  // Segments once in the map but renamed or removed since the last run still count until the next one.
  const listed = new Set(values.rfm.map((rule) => rule.name));
  const stale = bySegment.filter((row) => row.name !== null && !listed.has(row.name)).map((row) => ({ name: row.name!, ...count(row) }));
  const classes = classifyAbc(
    productRevenue.map((product) => ({ id: product.productId, revenue: product.revenue })),
    values.abc,
  );
  const products = productRevenue
    .filter((product) => classes.has(product.productId))
    .map((product) => ({ ...product, abcClass: classes.get(product.productId)! }))
    .sort((a, b) => (a.revenue === b.revenue ? a.name.localeCompare(b.name) : a.revenue > b.revenue ? -1 : 1));

  return {
    revenueCurrency: CRM_REVENUE_CURRENCY,
    settings: values,
    uncovered: uncoveredCombinations(values.rfm),
    segments: [...values.rfm.map((rule) => ({ name: rule.name, ...count(segmentCounts.get(rule.name)) })), ...stale],
    unmapped: count(segmentCounts.get(null)),
    abc: ABC_CLASSES.map((abcClass) => ({ abcClass, ...count(classCounts.get(abcClass)) })),
    unsegmented,
    products,
    run: { ...run, active: isRunActive(run, now) },
  };
}
