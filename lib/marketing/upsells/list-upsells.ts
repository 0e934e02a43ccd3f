// The upsells of the admin list, with their statistics: shown (orders the upsell was offered
// to: placed from a checkout page with the bump, or whose thank-you page showed the offer),
// taken, take rate and revenue per currency — all counted from the UpsellView rows, one per
// upsell and order, so nothing is counted twice.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { UpsellKind } from "@/lib/db/generated/enums";

export interface TUpsellListRow {
  id: string;
  kind: UpsellKind;
  title: string;
  isActive: boolean;
  position: number;
  quantity: number;
  offerProduct: { id: string; name: string };
  triggers: { id: string; name: string }[];
  prices: { currency: string; price: number }[];
  shown: number;
  taken: number;
  /** Minor units per currency, largest first. */
  revenue: { currency: string; amount: number }[];
}

export async function listUpsells(actor: TSectionActor): Promise<TUpsellListRow[]> {
  assertSectionActor(actor, "advertising");
  const [upsells, stats] = await Promise.all([
    db.upsell.findMany({
      orderBy: [{ kind: "asc" }, { position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        title: true,
        isActive: true,
        position: true,
        quantity: true,
        offerProduct: { select: { id: true, name: true } },
        triggers: { select: { product: { select: { id: true, name: true } } } },
        prices: { select: { currency: true, price: true }, orderBy: { currency: "asc" } },
      },
    }),
    db.upsellView.groupBy({ by: ["upsellId", "currency"], _count: { _all: true, takenAt: true }, _sum: { revenue: true } }),
  ]);
  return upsells.map((upsell) => {
    const own = stats.filter((row) => row.upsellId === upsell.id);
    return {
      id: upsell.id,
      kind: upsell.kind,
      title: upsell.title,
      isActive: upsell.isActive,
      position: upsell.position,
      quantity: upsell.quantity,
      offerProduct: upsell.offerProduct,
      triggers: upsell.triggers.map((trigger) => trigger.product),
      prices: upsell.prices.map((price) => ({ currency: price.currency.trim(), price: price.price })),
      shown: own.reduce((sum, row) => sum + row._count._all, 0),
      taken: own.reduce((sum, row) => sum + row._count.takenAt, 0),
      revenue: own
        .filter((row) => (row._sum.revenue ?? 0) > 0)
        .map((row) => ({ currency: row.currency.trim(), amount: row._sum.revenue ?? 0 }))
        .sort((a, b) => b.amount - a.amount),
    };
  });
}
