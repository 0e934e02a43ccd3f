// Demo discounts: two coupons (WELCOME10: 10 % off a first order; MINUS500: 500.00 RUB off orders
// from 3,000.00 RUB, 100 uses), an automatic discount (2+ watches of the same model: 10 % off the
// products) and a running promotion (a week's sale price on the Diesel). Idempotent by code/name.
import type { DbTransaction } from "@/lib/db";

export async function seedDemoDiscounts(tx: DbTransaction) {
  await tx.coupon.upsert({
    where: { code: "WELCOME10" },
    update: {},
    create: { code: "WELCOME10", description: "10 % off the first order", kind: "PERCENT", value: 1000, scope: "ORDER", firstOrderOnly: true, maxUsesPerCustomer: 1 },
  });
  await tx.coupon.upsert({
    where: { code: "MINUS500" },
    update: {},
    create: { code: "MINUS500", description: "500 ₽ off from 3,000 ₽", kind: "FIXED", value: 50000, currency: "RUB", minOrderTotal: 300000, maxUses: 100, scope: "ITEMS" }, // 500.00 / 3,000.00 RUB
  });
  if ((await tx.automaticDiscount.count()) === 0) {
    await tx.automaticDiscount.create({ data: { name: "2+ watches: −10 %", kind: "PERCENT", value: 1000, scope: "ITEMS", minQuantity: 2 } });
  }
  const diesel = await tx.product.findUnique({ where: { slug: "diesel-predator-led" }, select: { id: true } });
  if (diesel && (await tx.promotion.count()) === 0) {
    const now = Date.now();
    await tx.promotion.create({
      data: {
        name: "Неделя Diesel",
        kind: "PRICE",
        value: 99000, // 990.00 RUB a unit
        currency: "RUB",
        startsAt: new Date(now - 86_400_000),
        endsAt: new Date(now + 7 * 86_400_000),
        products: { create: { productId: diesel.id } },
      },
    });
  }
}
