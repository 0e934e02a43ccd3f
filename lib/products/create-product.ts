// Creates a product from the editor: columns and price tables in one transaction, audited. New
// products start inactive unless asked otherwise, so a half-configured page is not public.
import { z } from "zod";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { clearOrderFilterOptionsCache } from "@/lib/orders/order-filter-options";
import { db } from "@/lib/db";
import { zodFieldErrors } from "@/lib/errors";
import { ZProductInput, type TProductInput } from "./product-input";
import { assertSlugFree, auditProduct, checkReferences, mapSlugConflict, productColumns, replacePricing, validationError, type ProductActor } from "./product-writes";

export async function createProduct(input: { product: TProductInput; isActive?: boolean }, actor: ProductActor): Promise<{ id: string; slug: string }> {
  // Parsed apart from isActive so that field errors carry the product's own paths ("slug"), as in update-product.
  const parsed = ZProductInput.safeParse(input.product);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const values = parsed.data;
  const isActive = z.boolean().default(false).parse(input.isActive);
  const created = await db
    .$transaction(async (tx) => {
      await checkReferences(tx, values);
      await assertSlugFree(tx, values.slug);
      const product = await tx.product.create({ data: { ...productColumns(values), isActive }, select: { id: true, slug: true } });
      await replacePricing(tx, product.id, values);
      await auditProduct(tx, actor, "product.created", product.id, { slug: product.slug });
      return product;
    })
    .catch(mapSlugConflict);
  clearCheckoutCaches();
  clearOrderFilterOptionsCache();
  return created;
}
