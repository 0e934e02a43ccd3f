// The choices of the order list's product and partner filters (also the logistics queue's, and the
// products an order can be edited to). Every view of those pages shows them: two queries per
// request for lists that change only when a product or a partner is added or renamed. They are
// kept for a few seconds per process; creating or updating a product and registering a partner
// clear them, so the process that made the change shows it at once (others within 5 s).
import { createTtlCache } from "@/lib/cache/ttl-cache";
import { db } from "@/lib/db";

export interface OrderFilterOptions {
  products: { id: string; name: string }[];
  partners: { id: string; login: string }[];
}

const filterOptionsCache = createTtlCache("order-filter-options", 5_000, async (): Promise<OrderFilterOptions> => {
  const [products, partners] = await Promise.all([
    db.product.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], take: 500 }),
    db.partner.findMany({ select: { id: true, login: true }, orderBy: { login: "asc" }, take: 500 }),
  ]);
  return { products, partners };
});

/** The choices of the product and partner filters, capped at 500 each (a select box, not a search). */
export function listOrderFilterOptions(): Promise<OrderFilterOptions> {
  return filterOptionsCache.get();
}

/** Forget the cached choices (after a product or partner is added or renamed, and in tests). */
export function clearOrderFilterOptionsCache() {
  filterOptionsCache.clear();
}
