// Demo upsells and reminder rules (called by seed-demo.ts inside its transaction): an order bump on
// the ROLEX checkout page (DIESEL for 990.00 RUB instead of 1,290.00), a thank-you offer to orders
// of the Casio or DIESEL (a ROLEX for 1,990.00 RUB instead of 2,450.00), and the default reminder
// rules: unconfirmed after 24 h and once more 48 h later, unpaid after 2 h, a parcel not picked up
// after 3 days and twice more every 3 days.
import type { DbTransaction } from "../lib/db";

export async function seedDemoMarketing(tx: DbTransaction) {
  if ((await tx.upsell.count()) === 0) {
    const products = await tx.product.findMany({
      where: { slug: { in: ["casio-g-shock", "diesel-predator-led", "rolex-daytona-mechanical"] } },
      select: { id: true, slug: true },
    });
    const id = (slug: string) => products.find((product) => product.slug === slug)!.id;
    await tx.upsell.create({
      data: {
        kind: "BUMP",
        offerProductId: id("diesel-predator-led"),
        title: "Добавьте вторые часы DIESEL за 990 ₽",
        titleEn: "Add a DIESEL watch for 990 ₽",
        description: "Только при этом заказе: вместо 1 290 ₽.",
        descriptionEn: "With this order only: instead of 1,290 ₽.",
        triggers: { create: [{ productId: id("rolex-daytona-mechanical") }] },
        prices: { create: [{ currency: "RUB", price: 99000 }] }, // 990.00 RUB
      },
    });
    await tx.upsell.create({
      data: {
        kind: "ONE_CLICK",
        offerProductId: id("rolex-daytona-mechanical"),
        title: "ROLEX DAYTONA со скидкой 460 ₽",
        titleEn: "A ROLEX DAYTONA 460 ₽ off",
        description: "Добавим к вашему заказу одним нажатием — оплата при получении, одной посылкой.",
        descriptionEn: "Added to your order with one click — paid on delivery, in the same parcel.",
        triggers: { create: [{ productId: id("casio-g-shock") }, { productId: id("diesel-predator-led") }] },
        prices: { create: [{ currency: "RUB", price: 199000 }] }, // 1,990.00 RUB
      },
    });
  }
  if ((await tx.reminderRule.count()) === 0) {
    await tx.reminderRule.createMany({
      data: [
        { kind: "UNCONFIRMED", name: "Подтвердите заказ", delayMinutes: 24 * 60, repeatCount: 1, repeatIntervalMinutes: 48 * 60 },
        { kind: "UNPAID", name: "Оплатите заказ", delayMinutes: 2 * 60, repeatCount: 0, repeatIntervalMinutes: 24 * 60 },
        { kind: "NOT_PICKED_UP", name: "Посылка ждёт в пункте выдачи", delayMinutes: 3 * 24 * 60, repeatCount: 2, repeatIntervalMinutes: 3 * 24 * 60 },
      ],
    });
  }
}
