// Saves the product's own wording of the order mails (ProductEmailText), per template and
// language. An empty body removes the text, so the template's built-in wording is used again.
import { z } from "zod";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { CHECKOUT_MAIL_TEMPLATES } from "@/lib/checkout/find-checkout-product";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { auditProduct, validationError, type ProductActor } from "./product-writes";

const E = (key: string) => ({ error: `products.errors.${key}` });

export const ZProductEmailText = z.object({
  template: z.enum(CHECKOUT_MAIL_TEMPLATES, E("invalid")),
  locale: z.enum(LOCALES, E("invalid")),
  // Mail subjects are one line; order-mails trims to 200 too.
  subject: z
    .string()
    .trim()
    .max(200, E("tooLong"))
    .refine((value) => !/[\r\n]/.test(value), E("oneLine"))
    .nullable()
    .optional()
    .transform((value) => value || null),
  body: z.string().trim().max(5000, E("tooLong")),
});

export const ZSetProductEmailTextsInput = z
  .object({ productId: z.string().trim().min(1).max(64), texts: z.array(ZProductEmailText).max(CHECKOUT_MAIL_TEMPLATES.length * LOCALES.length) })
  .superRefine((input, ctx) => {
    input.texts.forEach((text, index) => {
      if (!text.body && text.subject) ctx.addIssue({ code: "custom", message: "products.errors.bodyRequired", path: ["texts", index, "body"] });
    });
  });

export async function setProductEmailTexts(input: z.input<typeof ZSetProductEmailTextsInput>, actor: ProductActor) {
  const parsed = ZSetProductEmailTextsInput.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const { productId, texts } = parsed.data;
  await db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true } });
    if (!product) throw new AppError("NOT_FOUND", "Product not found");
    for (const text of texts) {
      const where = { productId_template_locale: { productId, template: text.template, locale: text.locale } };
      if (!text.body) await tx.productEmailText.deleteMany({ where: { productId, template: text.template, locale: text.locale } });
      else
        await tx.productEmailText.upsert({
          where,
          update: { subject: text.subject, body: text.body },
          create: { productId, template: text.template, locale: text.locale, subject: text.subject, body: text.body },
          select: { id: true },
        });
    }
    await auditProduct(tx, actor, "product.email_texts_updated", productId);
  });
  clearCheckoutCaches();
}
