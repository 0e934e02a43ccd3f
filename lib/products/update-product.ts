// Saves the editor's main form: every column and the price tables at once, in one transaction,
// audited. Invalid input throws before anything is written.
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { clearOrderFilterOptionsCache } from "@/lib/orders/order-filter-options";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZProductInput, type TProductInput } from "./product-input";
import { assertSlugFree, auditProduct, checkReferences, mapSlugConflict, productColumns, replacePricing, validationError, type ProductActor } from "./product-writes";

export async function updateProduct(productId: string, input: TProductInput, actor: ProductActor): Promise<{ id: string; slug: string }> {
  const parsed = ZProductInput.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const values = parsed.data;
  const updated = await db
    .$transaction(async (tx) => {
      const current = await tx.product.findUnique({ where: { id: productId }, select: { id: true, currency: true, reserved: true } });
      if (!current) throw new AppError("NOT_FOUND", "Product not found");
      await checkReferences(tx, values, current.currency);
      await assertSlugFree(tx, values.slug, productId);
      // Units already promised to placed orders cannot be taken away by a stock edit.
      if (values.stock !== null && values.stock < current.reserved) throw validationError({ stock: ["products.errors.stockBelowReserved"] });
      const product = await tx.product.update({ where: { id: productId }, data: productColumns(values), select: { id: true, slug: true } });
      await replacePricing(tx, productId, values);
      await auditProduct(tx, actor, "product.updated", productId, { slug: product.slug });
      return product;
    })
    .catch(mapSlugConflict);
  clearCheckoutCaches();
  clearOrderFilterOptionsCache();
  return updated;
}
