// The product of a checkout with everything the checkout needs of it, in ONE query. Prisma would
// read each relation with a query of its own (eight round trips); checkout pages and orders are
// the hottest path of the shop, so the relations come back as JSON aggregates of one statement.
import { db } from "@/lib/db";
import type { CheckoutFieldType, ConfirmationMode, ProductType, Region, ShippingMethod } from "@/lib/db/generated/enums";

/** The product's own texts of the mails a new order sends. */
export const CHECKOUT_MAIL_TEMPLATES = ["order-confirm", "order-accepted"] as const;

export interface CheckoutProduct {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  type: ProductType;
  currency: string;
  payWhatYouWant: boolean;
  baseCost: number;
  stock: number | null;
  reserved: number;
  codAllowed: boolean;
  codCountries: string[];
  confirmationMode: ConfirmationMode;
  confirmPageUrl: string | null;
  thankYouPageUrl: string | null;
  prices: { region: Region; price: number; minimumPrice: number | null; compareAtPrice: number | null }[];
  /** By minQuantity ascending. */
  priceTiers: { region: Region; minQuantity: number; unitPrice: number }[];
  /** By position. */
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
  /** Active order bumps of this product whose offered product is active and that have a price in the product's currency, by position. */
  upsells: {
    id: string;
    title: string;
    titleEn: string | null;
    description: string | null;
    descriptionEn: string | null;
    /** The bump's own price per unit in the product's currency (UpsellPrice). */
    price: number;
    quantity: number;
    offerProduct: { id: string; name: string; baseCost: number; stock: number | null; reserved: number };
  }[];
  /** The product's own active shipping rules. */
  shippingRules: {
    id: string;
    method: ShippingMethod;
    productId: string | null;
    country: string | null;
    region: Region | null;
    cost: number;
    currency: string;
    freeFrom: number | null;
    priority: number;
    isActive: boolean;
  }[];
  emailTexts: { template: string; locale: string; subject: string | null; body: string }[];
}

/** The active product with this id or slug, or null. */
export async function findCheckoutProduct(productSlugOrId: string): Promise<CheckoutProduct | null> {
  const rows = await db.$queryRaw<CheckoutProduct[]>`
    SELECT
      p.id, p.slug, p.name, p.description, p."imageUrl", p.type::text AS type, trim(p.currency) AS currency,
      p."payWhatYouWant", p."baseCost", p.stock, p.reserved, p."codAllowed", p."codCountries",
      p."confirmationMode"::text AS "confirmationMode", p."confirmPageUrl", p."thankYouPageUrl",
      COALESCE((
        SELECT json_agg(json_build_object('region', x.region, 'price', x.price, 'minimumPrice', x."minimumPrice", 'compareAtPrice', x."compareAtPrice"))
        FROM "ProductPrice" x WHERE x."productId" = p.id
      ), '[]'::json) AS prices,
      COALESCE((
        SELECT json_agg(json_build_object('region', x.region, 'minQuantity', x."minQuantity", 'unitPrice', x."unitPrice") ORDER BY x."minQuantity", x.id)
        FROM "ProductPriceTier" x WHERE x."productId" = p.id
      ), '[]'::json) AS "priceTiers",
      COALESCE((
        SELECT json_agg(json_build_object(
          'type', x.type, 'key', x.key, 'label', x.label, 'placeholder', x.placeholder, 'isRequired', x."isRequired",
          'validator', x.validator, 'mask', x.mask, 'options', x.options, 'position', x.position
        ) ORDER BY x.position, x.id)
        FROM "CheckoutFormField" x WHERE x."productId" = p.id
      ), '[]'::json) AS "formFields",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', u.id, 'title', u.title, 'titleEn', u."titleEn", 'description', u.description, 'descriptionEn', u."descriptionEn", 'price', up.price, 'quantity', u.quantity,
          'offerProduct', json_build_object('id', o.id, 'name', o.name, 'baseCost', o."baseCost", 'stock', o.stock, 'reserved', o.reserved)
        ) ORDER BY u.position, u.id)
        FROM "UpsellTrigger" ut
        JOIN "Upsell" u ON u.id = ut."upsellId"
        JOIN "UpsellPrice" up ON up."upsellId" = u.id AND up.currency = p.currency
        JOIN "Product" o ON o.id = u."offerProductId"
        WHERE ut."productId" = p.id AND u.kind = 'BUMP' AND u."isActive" AND o."isActive"
      ), '[]'::json) AS upsells,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', x.id, 'method', x.method, 'productId', x."productId", 'country', trim(x.country), 'region', x.region, 'cost', x.cost,
          'currency', trim(x.currency), 'freeFrom', x."freeFrom", 'priority', x.priority, 'isActive', x."isActive"
        ))
        FROM "ShippingRule" x WHERE x."productId" = p.id AND x."isActive"
      ), '[]'::json) AS "shippingRules",
      COALESCE((
        SELECT json_agg(json_build_object('template', x.template, 'locale', x.locale, 'subject', x.subject, 'body', x.body))
        FROM "ProductEmailText" x WHERE x."productId" = p.id AND x.template = ANY(${[...CHECKOUT_MAIL_TEMPLATES]}::text[])
      ), '[]'::json) AS "emailTexts"
    FROM "Product" p
    WHERE p."isActive" AND (p.id = ${productSlugOrId} OR p.slug = ${productSlugOrId})
    LIMIT 1`;
  return rows[0] ?? null;
}
