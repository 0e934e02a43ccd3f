// The products list of the admin panel: every product with its Russian price (the shop's home
// region) converted to the currencies the shop displays. Conversion happens here, on integers,
// so the page only formats.
import { db } from "@/lib/db";
import type { ProductType } from "@/lib/db/generated/enums";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { getShopSettings } from "@/lib/settings/get-shop-settings";

export interface ProductListRow {
  id: string;
  slug: string;
  name: string;
  type: ProductType;
  isActive: boolean;
  currency: string;
  /** RU price in minor units of `currency`; null when the product is not sold in Russia. */
  price: number | null;
  /** The same price in each display currency (null when no rate links them). */
  converted: { currency: string; amount: number | null }[];
  stock: number | null;
  reserved: number;
}

export async function listProducts(): Promise<ProductListRow[]> {
  const [products, rates, settings] = await Promise.all([
    db.product.findMany({
      select: {
        id: true,
        slug: true,
        name: true,
        type: true,
        isActive: true,
        currency: true,
        stock: true,
        reserved: true,
        prices: { where: { region: "RU" }, select: { price: true } },
      },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    }),
    getRatesMap(),
    getShopSettings(),
  ]);
  return products.map((product) => {
    const currency = product.currency.trim();
    const price = product.prices[0]?.price ?? null;
    return {
      id: product.id,
      slug: product.slug,
      name: product.name,
      type: product.type,
      isActive: product.isActive,
      currency,
      price,
      converted: settings.checkoutCurrenciesShown
        .filter((code) => code !== currency)
        .map((code) => ({ currency: code, amount: price === null ? null : rates.convert(price, currency, code) })),
      stock: product.stock,
      reserved: product.reserved,
    };
  });
}
