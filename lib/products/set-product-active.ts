// Turns a product's checkout page on or off (the list's toggle).
import { z } from "zod";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditProduct, type ProductActor } from "./product-writes";

export const ZSetProductActiveInput = z.object({ productId: z.string().trim().min(1).max(64), isActive: z.boolean() });

export async function setProductActive(input: z.input<typeof ZSetProductActiveInput>, actor: ProductActor) {
  const { productId, isActive } = ZSetProductActiveInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id: productId }, data: { isActive } });
    if (count === 0) throw new AppError("NOT_FOUND", "Product not found");
    await auditProduct(tx, actor, isActive ? "product.activated" : "product.deactivated", productId);
  });
  clearCheckoutCaches();
}
