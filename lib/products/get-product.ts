// One product as the editor shows it, with its tables, and the reference rows the editor offers
// (enabled currencies, countries). Plain values only: no Date or Decimal reaches the client.
import { db } from "@/lib/db";
import type { AmountKind, CheckoutFieldType, ConfirmationMode, ProductType, Region, RewardTrigger } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export interface ProductDetails {
  id: string;
  slug: string;
  name: string;
  type: ProductType;
  isActive: boolean;
  description: string | null;
  imageUrl: string | null;
  sku: string | null;
  weightGrams: number | null;
  currency: string;
  payWhatYouWant: boolean;
  baseCost: number;
  stock: number | null;
  reserved: number;
  codAllowed: boolean;
  codCountries: string[];
  confirmationMode: ConfirmationMode;
  rewardTrigger: RewardTrigger;
  confirmPageUrl: string | null;
  thankYouPageUrl: string | null;
  copiedFromId: string | null;
  prices: { region: Region; price: number; compareAtPrice: number | null; minimumPrice: number | null }[];
  priceTiers: { region: Region; minQuantity: number; unitPrice: number }[];
  commissions: { level: number; kind: AmountKind; value: number }[];
  formFields: {
    type: CheckoutFieldType;
    key: string;
    label: string | null;
    placeholder: string | null;
    isRequired: boolean;
    validator: string | null;
    mask: string | null;
    options: string[];
    position: number;
  }[];
  emailTexts: { template: string; locale: string; subject: string | null; body: string }[];
}

export async function getProductOrThrow(productId: string): Promise<ProductDetails> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      slug: true,
      name: true,
      type: true,
      isActive: true,
      description: true,
      imageUrl: true,
      sku: true,
      weightGrams: true,
      currency: true,
      payWhatYouWant: true,
      baseCost: true,
      stock: true,
      reserved: true,
      codAllowed: true,
      codCountries: true,
      confirmationMode: true,
      rewardTrigger: true,
      confirmPageUrl: true,
      thankYouPageUrl: true,
      copiedFromId: true,
      prices: { select: { region: true, price: true, compareAtPrice: true, minimumPrice: true } },
      priceTiers: { select: { region: true, minQuantity: true, unitPrice: true }, orderBy: [{ region: "asc" }, { minQuantity: "asc" }] },
      commissions: { select: { level: true, kind: true, value: true }, orderBy: { level: "asc" } },
      formFields: {
        select: { type: true, key: true, label: true, placeholder: true, isRequired: true, validator: true, mask: true, options: true, position: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
      emailTexts: { select: { template: true, locale: true, subject: true, body: true } },
    },
  });
  if (!product) throw new AppError("NOT_FOUND", "Product not found");
  return { ...product, currency: product.currency.trim() };
}

export interface ProductEditorReferences {
  currencies: { code: string; minorUnitDigits: number }[];
  countries: { code: string; region: Region }[];
}

/** `keepCurrency`: the product's own currency, offered even if it was disabled since (else the select would silently switch it). */
export async function getProductEditorReferences(keepCurrency?: string): Promise<ProductEditorReferences> {
  const [currencies, countries] = await Promise.all([
    db.currency.findMany({
      where: { OR: [{ isEnabled: true }, ...(keepCurrency ? [{ code: keepCurrency }] : [])] },
      select: { code: true, minorUnitDigits: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    db.country.findMany({ select: { code: true, region: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  return { currencies: currencies.map((currency) => ({ ...currency, code: currency.code.trim() })), countries: countries.map((country) => ({ ...country, code: country.code.trim() })) };
}
