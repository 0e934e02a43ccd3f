// Demo co-owner: one partner in the business with 30 % of the bought-out margin of every product
// (Settings → Co-owners; Finance shows what it comes to). Once: skipped when any co-owner exists.
import type { DbTransaction } from "@/lib/db";

export async function seedDemoCoOwners(tx: DbTransaction) {
  if ((await tx.coOwner.count()) > 0) return;
  await tx.coOwner.create({
    data: {
      name: "Ирина Совладелец",
      email: "irina@coowners.lavka.local",
      note: "Демо: 30 % маржи всех товаров",
      shares: { create: { productId: null, basisPoints: 3000 } }, // 30 %
    },
    select: { id: true },
  });
}
