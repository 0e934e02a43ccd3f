// Copies a product (the list's "copy" button): the product with its prices, tiers, commissions,
// email texts, form fields and its own shipping rules. Not its pin codes (a key is sold once),
// orders, files or reserved units. The copy is inactive, so it is reviewed before it goes live,
// and gets the first free slug of "<slug>-copy", "<slug>-copy-2", …
import { z } from "zod";
import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditProduct, type ProductActor } from "./product-writes";

export const ZCopyProductInput = z.object({ productId: z.string().trim().min(1).max(64) });

/** The first of `<base>-copy`, `<base>-copy-2`, … not in `taken`. */
export function nextCopySlug(slug: string, taken: ReadonlySet<string>): string {
  // Copying a copy makes "x-copy-2", not "x-copy-copy".
  const base = slug.replace(/-copy(?:-\d+)?$/, "");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}-copy` : `${base}-copy-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

async function freeCopySlug(tx: DbTransaction, slug: string) {
  const base = slug.replace(/-copy(?:-\d+)?$/, "");
  const taken = await tx.product.findMany({ where: { slug: { startsWith: `${base}-copy` } }, select: { slug: true } });
  return nextCopySlug(slug, new Set(taken.map((row) => row.slug)));
}

export async function copyProduct(input: z.input<typeof ZCopyProductInput>, actor: ProductActor): Promise<{ id: string; slug: string }> {
  const { productId } = ZCopyProductInput.parse(input);
  return db.$transaction(async (tx) => {
    const source = await tx.product.findUnique({
      where: { id: productId },
      select: {
        id: true,
        slug: true,
        type: true,
        name: true,
        description: true,
        imageUrl: true,
        sku: true,
        weightGrams: true,
        currency: true,
        payWhatYouWant: true,
        baseCost: true,
        stock: true,
        codAllowed: true,
        codCountries: true,
        confirmationMode: true,
        rewardTrigger: true,
        confirmPageUrl: true,
        thankYouPageUrl: true,
        formSettings: true,
        sortOrder: true,
        prices: { select: { region: true, price: true, minimumPrice: true, compareAtPrice: true } },
        priceTiers: { select: { region: true, minQuantity: true, unitPrice: true } },
        commissions: { select: { level: true, kind: true, value: true } },
        emailTexts: { select: { template: true, locale: true, subject: true, body: true } },
        formFields: { select: { type: true, key: true, label: true, placeholder: true, isRequired: true, validator: true, mask: true, options: true, position: true } },
        shippingRules: { select: { name: true, method: true, country: true, region: true, cost: true, currency: true, freeFrom: true, priority: true, isActive: true } },
      },
    });
    if (!source) throw new AppError("NOT_FOUND", "Product not found");
    const { id: sourceId, prices, priceTiers, commissions, emailTexts, formFields, shippingRules, formSettings, ...columns } = source;
    const slug = await freeCopySlug(tx, source.slug);
    const copy = await tx.product.create({
      data: {
        ...columns,
        slug,
        isActive: false,
        copiedFromId: sourceId,
        formSettings: formSettings ?? undefined,
        prices: { create: prices },
        priceTiers: { create: priceTiers },
        commissions: { create: commissions },
        emailTexts: { create: emailTexts },
        formFields: { create: formFields },
        shippingRules: { create: shippingRules },
      },
      select: { id: true, slug: true },
    });
    await auditProduct(tx, actor, "product.copied", copy.id, { copiedFromId: sourceId, slug });
    return copy;
  });
}
