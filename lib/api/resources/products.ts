// API products: list and get (read-only: products are edited in the admin).
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { ProductType, Region } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { createdWhere, iso, ZCreatedRange, ZCurrency, ZInstant, ZMoney } from "../objects";
import { keysetOrder, keysetWhere, paginate, ZListParams } from "../pagination";

export const ZProductObject = z
  .object({
    id: z.string(),
    object: z.literal("product"),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    type: z.enum(ProductType),
    active: z.boolean(),
    sku: z.string().nullable(),
    image_url: z.string().nullable(),
    currency: ZCurrency,
    prices: z.array(z.object({ region: z.enum(Region), amount: ZMoney, minimum_amount: ZMoney.nullable(), compare_at_amount: ZMoney.nullable() })),
    pay_what_you_want: z.boolean(),
    stock: z.int().nullable().meta({ description: "Units in stock (null: not tracked)." }),
    available: z.int().nullable().meta({ description: "Stock less units reserved by open orders (null: not tracked)." }),
    cod_allowed: z.boolean(),
    checkout_url: z.string().meta({ description: "Path of the product's checkout page." }),
    created: ZInstant,
    updated: ZInstant,
  })
  .meta({ id: "Product" });
export type ProductObject = z.infer<typeof ZProductObject>;

const productSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  type: true,
  isActive: true,
  sku: true,
  imageUrl: true,
  currency: true,
  payWhatYouWant: true,
  stock: true,
  reserved: true,
  codAllowed: true,
  createdAt: true,
  updatedAt: true,
  prices: { select: { region: true, price: true, minimumPrice: true, compareAtPrice: true }, orderBy: { region: "asc" } },
} as const satisfies Prisma.ProductSelect;

function productObject(row: Prisma.ProductGetPayload<{ select: typeof productSelect }>): ProductObject {
  return {
    id: row.id,
    object: "product",
    slug: row.slug,
    name: row.name,
    description: row.description,
    type: row.type,
    active: row.isActive,
    sku: row.sku,
    image_url: row.imageUrl,
    currency: row.currency.trim(),
    prices: row.prices.map((price) => ({ region: price.region, amount: price.price, minimum_amount: price.minimumPrice ?? null, compare_at_amount: price.compareAtPrice ?? null })),
    pay_what_you_want: row.payWhatYouWant,
    stock: row.stock,
    available: row.stock === null ? null : Math.max(row.stock - row.reserved, 0),
    cod_allowed: row.codAllowed,
    checkout_url: `/checkout/${row.slug}`,
    created: iso(row.createdAt),
    updated: iso(row.updatedAt),
  };
}

export const ZListProductsQuery = ZListParams.extend({
  active: z.enum(["true", "false"]).optional().meta({ description: "Only active (true) or inactive (false) products." }),
  ...ZCreatedRange,
});

export async function listApiProducts(query: z.output<typeof ZListProductsQuery>) {
  const filter: Prisma.ProductWhereInput = { ...createdWhere(query), ...(query.active ? { isActive: query.active === "true" } : {}) };
  const { rows, hasMore } = await paginate(query, {
    cursorOf: async (id) => {
      const row = await db.product.findUnique({ where: { id }, select: { id: true, createdAt: true } });
      return row && { id: row.id, created: row.createdAt };
    },
    load: (after, direction, take) => db.product.findMany({ where: { AND: [filter, keysetWhere(after, direction)] }, orderBy: keysetOrder(direction), take, select: productSelect }),
  });
  return { object: "list" as const, url: "/api/v1/products" as const, has_more: hasMore, data: rows.map(productObject) };
}

export async function getApiProduct(id: string): Promise<ProductObject> {
  const row = await db.product.findUnique({ where: { id }, select: productSelect });
  if (!row) throw notFound("Product");
  return productObject(row);
}
