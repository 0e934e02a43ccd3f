// What create-product, update-product and copy-product share inside their transactions: checking
// the rows a product refers to, replacing its price tables, and the audit row. Not an operation
// of its own: each caller owns its transaction.
import type { DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { TProductValues } from "./product-input";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditValues } from "@/lib/audit/audit-diff";

export interface ProductActor {
  /** The employee (User id). */
  id: string;
}

export function validationError(fieldErrors: FieldErrors) {
  return new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });
}

/** The currency must be an enabled Currency row and COD countries known Country rows. */
export async function checkReferences(tx: DbTransaction, values: Pick<TProductValues, "currency" | "codCountries">, currentCurrency?: string) {
  const fieldErrors: FieldErrors = {};
  const currency = await tx.currency.findUnique({ where: { code: values.currency }, select: { isEnabled: true } });
  // A product may keep a currency that was disabled after it was priced in it.
  if (!currency || (!currency.isEnabled && values.currency !== currentCurrency)) fieldErrors.currency = ["products.errors.currencyInvalid"];
  if (values.codCountries.length > 0) {
    const known = await tx.country.findMany({ where: { code: { in: values.codCountries } }, select: { code: true } });
    if (known.length !== new Set(values.codCountries).size) fieldErrors.codCountries = ["products.errors.countryInvalid"];
  }
  if (Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors);
}

export async function assertSlugFree(tx: DbTransaction, slug: string, exceptId?: string) {
  const taken = await tx.product.findFirst({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw validationError({ slug: ["products.errors.slugTaken"] });
}

/** A unique-constraint race on the slug (two saves at once) reads as the same field error. */
export function mapSlugConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw validationError({ slug: ["products.errors.slugTaken"] });
  throw error;
}

export function productColumns(values: TProductValues) {
  return {
    name: values.name,
    slug: values.slug,
    type: values.type,
    description: values.description,
    imageUrl: values.imageUrl,
    sku: values.sku,
    weightGrams: values.weightGrams,
    currency: values.currency,
    payWhatYouWant: values.payWhatYouWant,
    baseCost: values.baseCost,
    stock: values.stock,
    codAllowed: values.codAllowed,
    codCountries: [...new Set(values.codCountries)],
    confirmationMode: values.confirmationMode,
    rewardTrigger: values.rewardTrigger,
    confirmPageUrl: values.confirmPageUrl,
    thankYouPageUrl: values.thankYouPageUrl,
  };
}

/** Prices, tiers and commissions are edited as whole tables: the saved form is the new table. */
export async function replacePricing(tx: DbTransaction, productId: string, values: Pick<TProductValues, "prices" | "priceTiers" | "commissions">) {
  await tx.productPrice.deleteMany({ where: { productId } });
  await tx.productPriceTier.deleteMany({ where: { productId } });
  await tx.productCommission.deleteMany({ where: { productId } });
  if (values.prices.length) await tx.productPrice.createMany({ data: values.prices.map((price) => ({ productId, ...price })) });
  if (values.priceTiers.length) await tx.productPriceTier.createMany({ data: values.priceTiers.map((tier) => ({ productId, ...tier })) });
  if (values.commissions.length) await tx.productCommission.createMany({ data: values.commissions.map((commission, level) => ({ productId, level, ...commission })) });
}

export async function auditProduct(tx: DbTransaction, actor: ProductActor, action: string, productId: string, data?: AuditValues) {
  await recordAudit(tx, { actor: { type: "staff", id: actor.id }, action, entity: { type: "product", id: productId }, data });
}
