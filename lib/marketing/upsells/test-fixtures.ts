// Upsells for the integration tests: a ONE_CLICK (or BUMP) offer of a new product on a trigger
// product, priced in RUB; the checkout fixtures' cleanup removes the products and with them the
// upsells (cascade). Outbox rows of "order updated" mails are removed by removeUpsellMails.
import { db } from "@/lib/db";
import type { UpsellKind } from "@/lib/db/generated/enums";
import type { checkoutFixtures } from "@/lib/checkout/test-fixtures";

type Fixtures = ReturnType<typeof checkoutFixtures>;

export async function createUpsell(
  fx: Fixtures,
  triggerProductId: string,
  options: { kind?: UpsellKind; price?: number; quantity?: number; stock?: number | null; isActive?: boolean; title?: string } = {},
) {
  const offerProduct = await fx.createProduct({ stock: options.stock === undefined ? 50 : options.stock, baseCost: 10000 }); // 100.00 RUB base cost
  const upsell = await db.upsell.create({
    data: {
      kind: options.kind ?? "ONE_CLICK",
      offerProductId: offerProduct.id,
      title: options.title ?? "Ремешок со скидкой",
      titleEn: "A strap at a discount",
      quantity: options.quantity ?? 1,
      isActive: options.isActive ?? true,
      triggers: { create: { productId: triggerProductId } },
      prices: { create: [{ currency: "RUB", price: options.price ?? 49000 }] }, // 490.00 RUB
    },
    select: { id: true, offerProductId: true },
  });
  return upsell;
}

export async function removeUpsellMails(orderIds: string[]) {
  if (orderIds.length === 0) return;
  const patterns = orderIds.map((id) => `order-updated:${id}:%`);
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE payload->>'idempotencyKey' LIKE ANY(${patterns}::text[])`;
  await db.$executeRaw`DELETE FROM "MailMessage" WHERE "idempotencyKey" LIKE ANY(${patterns}::text[])`;
}
