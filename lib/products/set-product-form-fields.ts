// Saves the checkout form of a product (the form constructor): the list replaces the product's
// CheckoutFormField rows in the given order. An empty list means "the default form"
// (lib/checkout/checkout-fields.ts): no rows, so later changes of the default reach the product.
import { z } from "zod";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZFormFields, type TFormFieldInput } from "./form-fields-input";
import { auditProduct, validationError, type ProductActor } from "./product-writes";

export const ZSetProductFormFieldsInput = z.object({ productId: z.string().trim().min(1).max(64), fields: ZFormFields });

export async function setProductFormFields(input: { productId: string; fields: TFormFieldInput[] }, actor: ProductActor): Promise<{ count: number }> {
  const parsed = ZSetProductFormFieldsInput.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const { productId, fields } = parsed.data;
  await db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true } });
    if (!product) throw new AppError("NOT_FOUND", "Product not found");
    await tx.checkoutFormField.deleteMany({ where: { productId } });
    if (fields.length > 0) {
      await tx.checkoutFormField.createMany({
        // Gaps of ten leave room for hand-made insertions without renumbering.
        data: fields.map((field, index) => ({ productId, ...field, options: field.type === "CUSTOM" ? field.options : [], position: index * 10 })),
      });
    }
    await auditProduct(tx, actor, fields.length ? "product.form_updated" : "product.form_reset", productId, { fields: fields.map((field) => field.key) });
  });
  clearCheckoutCaches();
  return { count: fields.length };
}
