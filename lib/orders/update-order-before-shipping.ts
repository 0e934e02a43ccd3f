// Edits an order before it ships (the admin order page): items and quantities, the delivery
// address and contacts, internal notes. Only while UNCONFIRMED or CONFIRMED — after that the
// parcel is packed. Prices are the server's: lines kept from the order keep the price they were
// ordered at (re-tiered when the main product's quantity changes), new lines take the product's
// current price for the order's region; shipping is re-quoted for the new items total. Stock
// reservations follow the quantities. One transaction, with a history note and an audit row.
import { z } from "zod";
import { parsePhone, normalizeEmail } from "@/lib/customers/normalize-contact";
import { db, type DbTransaction } from "@/lib/db";
import type { OrderItemKind, OrderStatus, Region, ShippingMethod } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { computeTotals, MAX_ORDER_TOTAL } from "@/lib/pricing/compute-totals";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { shippingCost } from "@/lib/pricing/shipping-cost";
import { unitPriceFor } from "@/lib/pricing/unit-price";
import { ZOrderActor } from "./change-order-status";
import { recordAudit } from "@/lib/audit/record-audit";

const optionalText = (max: number) => z.string().trim().max(max, { error: "checkoutErrors.tooLong" }).nullable().optional();

export const ZUpdateOrderBeforeShippingInput = z.object({
  orderId: z.string().trim().min(1).max(64),
  /** The complete new list of lines: lines of the order by `itemId`, new ones without. Omitted lines are removed. */
  items: z
    .array(
      z.object({
        itemId: z.string().trim().min(1).max(64).optional(),
        productId: z.string().trim().min(1, { error: "checkoutErrors.productNotFound" }).max(64, { error: "checkoutErrors.productNotFound" }),
        quantity: z
          .number({ error: "checkoutErrors.quantityInvalid" })
          .int({ error: "checkoutErrors.quantityInvalid" })
          .min(1, { error: "checkoutErrors.quantityInvalid" })
          .max(99, { error: "checkoutErrors.quantityInvalid" }),
      }),
    )
    .min(1, { error: "checkoutErrors.required" })
    .max(20, { error: "checkoutErrors.tooMany" })
    .optional(),
  /** Contact and address as delivered; null clears a field. The country stays (its prices and rules made the order). */
  address: z
    .object({
      customerName: optionalText(200),
      phone: optionalText(40),
      email: optionalText(254),
      postcode: optionalText(20),
      province: optionalText(200),
      city: optionalText(200),
      street: optionalText(300),
      house: optionalText(50),
      flat: optionalText(50),
    })
    .strict()
    .optional(),
  notes: z.string().trim().max(5000, { error: "checkoutErrors.tooLong" }).nullable().optional(),
  actor: ZOrderActor,
});
export type TUpdateOrderBeforeShippingInput = z.input<typeof ZUpdateOrderBeforeShippingInput>;

export interface UpdateOrderBeforeShippingResult {
  id: string;
  number: number;
  itemsTotal: number;
  discountTotal: number;
  shippingTotal: number;
  total: number;
  /** What was changed: "items", "address", "notes". */
  changed: string[];
}

const EDITABLE: readonly OrderStatus[] = ["UNCONFIRMED", "CONFIRMED"];
const EDITOR_ROLES = ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS"] as const;

interface LockedOrder {
  id: string;
  number: number;
  status: OrderStatus;
  productId: string;
  currency: string;
  region: Region;
  country: string;
  shippingMethod: ShippingMethod | null;
  discountTotal: number;
  shippingTotal: number;
}

export async function updateOrderBeforeShipping(input: TUpdateOrderBeforeShippingInput): Promise<UpdateOrderBeforeShippingResult> {
  const parsed = ZUpdateOrderBeforeShippingInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const change = parsed.data;
  if (change.actor.role && !(EDITOR_ROLES as readonly string[]).includes(change.actor.role)) throw new AppError("FORBIDDEN", "Your role cannot edit orders");
  const rates = await getRatesMap();
  return db.$transaction((tx) => updateInTransaction(tx, change, rates.convert));
}

async function updateInTransaction(
  tx: DbTransaction,
  change: z.output<typeof ZUpdateOrderBeforeShippingInput>,
  convert: (amount: number, from: string, to: string) => number | null,
): Promise<UpdateOrderBeforeShippingResult> {
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, number, status::text AS status, "productId", trim(currency) AS currency, region::text AS region, trim(country) AS country,
           "shippingMethod"::text AS "shippingMethod", "discountTotal", "shippingTotal"
    FROM "Order" WHERE id = ${change.orderId} FOR UPDATE`;
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  if (!EDITABLE.includes(order.status)) throw new AppError("CONFLICT", "The order can no longer be changed: it has been shipped or closed");

  const fieldErrors: FieldErrors = {};
  const fail = (key: string, message: string) => {
    (fieldErrors[key] ??= []).push(message);
  };
  const changed: string[] = [];
  const data: Record<string, unknown> = {};

  if (change.address) {
    const address = { ...change.address };
    if (address.phone) {
      const phone = parsePhone(address.phone, order.country);
      if (!phone) fail("address.phone", "checkoutErrors.phoneInvalid");
      else Object.assign(data, { phone: phone.international, phoneNormalized: phone.e164 });
    } else if (address.phone === null || address.phone === "") Object.assign(data, { phone: null, phoneNormalized: null });
    if (address.email) {
      const email = normalizeEmail(address.email);
      if (!email) fail("address.email", "checkoutErrors.emailInvalid");
      else Object.assign(data, { email: address.email, emailNormalized: email });
    } else if (address.email === null || address.email === "") Object.assign(data, { email: null, emailNormalized: null });
    for (const field of ["customerName", "postcode", "province", "city", "street", "house", "flat"] as const) {
      if (address[field] !== undefined) data[field] = address[field] || null;
    }
    changed.push("address");
  }
  if (change.notes !== undefined) {
    data.notes = change.notes || null;
    changed.push("notes");
  }

  let totals = { itemsTotal: 0, discountTotal: order.discountTotal, shippingTotal: order.shippingTotal, total: 0 };
  if (change.items) {
    const lines = await priceLines(tx, order, change.items, fail);
    if (Object.keys(fieldErrors).length === 0) {
      await adjustReservations(tx, order.id, lines, fail);
      const itemsTotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
      const shipping = await requoteShipping(tx, order, itemsTotal, convert);
      if (itemsTotal + shipping > MAX_ORDER_TOTAL) fail("items", "checkoutErrors.totalTooLarge");
      else {
        totals = computeTotals({ items: lines, discount: order.discountTotal, shipping });
        await tx.orderItem.deleteMany({ where: { orderId: order.id, id: { notIn: lines.flatMap((line) => (line.itemId ? [line.itemId] : [])) } } });
        for (const line of lines) {
          const values = { quantity: line.quantity, unitPrice: line.unitPrice, total: line.unitPrice * line.quantity };
          if (line.itemId) await tx.orderItem.update({ where: { id: line.itemId }, data: values, select: { id: true } });
          else
            await tx.orderItem.create({
              data: { orderId: order.id, productId: line.productId, kind: line.kind, productName: line.productName, unitCost: line.unitCost, ...values },
              select: { id: true },
            });
        }
        Object.assign(data, totals);
        changed.push("items");
      }
    }
  }
  // Throwing rolls back whatever the steps above wrote.
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });

  const updated = await tx.order.update({
    where: { id: order.id },
    data,
    select: { itemsTotal: true, discountTotal: true, shippingTotal: true, total: true },
  });
  if (changed.length > 0) {
    // A history note without a move: the timeline shows who edited the order and what.
    await tx.orderStatusChange.create({
      data: {
        orderId: order.id,
        fromStatus: order.status,
        toStatus: order.status,
        actorType: change.actor.type,
        actorId: change.actor.id ?? null,
        reason: `order edited: ${changed.join(", ")}`,
      },
      select: { id: true },
    });
    if (change.actor.type === "USER") {
      await recordAudit(tx, {
        actor: { type: "USER", id: change.actor.id ?? null },
        action: "order.edit",
        entity: { type: "Order", id: order.id },
        data: JSON.parse(JSON.stringify({ changed, ...data })),
      });
    }
  }
  return { id: order.id, number: order.number, ...updated, changed };
}

interface EditedLine {
  itemId?: string;
  productId: string;
  kind: OrderItemKind;
  productName: string;
  quantity: number;
  unitPrice: number;
  unitCost: number;
}

async function priceLines(
  tx: DbTransaction,
  order: LockedOrder,
  items: { itemId?: string; productId: string; quantity: number }[],
  fail: (key: string, message: string) => void,
): Promise<EditedLine[]> {
  const existing = await tx.orderItem.findMany({
    where: { orderId: order.id },
    select: { id: true, productId: true, kind: true, productName: true, unitPrice: true, unitCost: true, quantity: true },
  });
  const productIds = [...new Set(items.map((item) => item.productId))];
  const products = await tx.product.findMany({
    where: { id: { in: productIds } },
    select: {
      id: true,
      name: true,
      currency: true,
      isActive: true,
      baseCost: true,
      payWhatYouWant: true,
      prices: { where: { region: order.region }, select: { price: true } },
      priceTiers: { where: { region: order.region }, select: { minQuantity: true, unitPrice: true } },
    },
  });
  const lines: EditedLine[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const product = products.find((entry) => entry.id === item.productId);
    if (item.itemId) {
      const line = existing.find((entry) => entry.id === item.itemId);
      if (!line || line.productId !== item.productId || seen.has(line.id)) {
        fail(`items.${index}.itemId`, "checkoutErrors.invalid");
        continue;
      }
      seen.add(line.id);
      // The main line follows the quantity tiers it was sold under; other lines keep their price.
      const retier = line.kind === "MAIN" && line.quantity !== item.quantity && product && !product.payWhatYouWant && product.prices[0];
      const unitPrice = retier ? unitPriceFor({ price: product.prices[0]!.price, tiers: product.priceTiers, quantity: item.quantity }) : line.unitPrice;
      lines.push({ itemId: line.id, productId: line.productId, kind: line.kind, productName: line.productName, quantity: item.quantity, unitPrice, unitCost: line.unitCost });
      continue;
    }
    const price = product?.prices[0];
    if (!product || !product.isActive || product.currency.trim() !== order.currency || !price) {
      fail(`items.${index}.productId`, "checkoutErrors.productNotFound");
      continue;
    }
    lines.push({
      productId: product.id,
      kind: product.id === order.productId && !lines.some((line) => line.kind === "MAIN") ? "MAIN" : "UPSELL",
      productName: product.name,
      quantity: item.quantity,
      unitPrice: unitPriceFor({ price: price.price, tiers: product.priceTiers, quantity: item.quantity }),
      unitCost: product.baseCost,
    });
  }
  return lines;
}

/** Reserves what the new quantities add and releases what they drop, per product. */
async function adjustReservations(tx: DbTransaction, orderId: string, lines: EditedLine[], fail: (key: string, message: string) => void) {
  const before = await tx.orderItem.groupBy({ by: ["productId"], where: { orderId }, _sum: { quantity: true } });
  const delta = new Map<string, number>();
  for (const row of before) delta.set(row.productId, -(row._sum.quantity ?? 0));
  for (const line of lines) delta.set(line.productId, (delta.get(line.productId) ?? 0) + line.quantity);
  for (const [productId, change] of [...delta].sort(([a], [b]) => a.localeCompare(b))) {
    if (change === 0) continue;
    const updated = await tx.$executeRaw`
      UPDATE "Product"
      SET reserved = CASE WHEN stock IS NULL THEN reserved ELSE GREATEST(reserved + ${change}::int, 0) END
      WHERE id = ${productId} AND (stock IS NULL OR ${change}::int <= 0 OR stock - reserved >= ${change}::int)`;
    if (updated === 0) {
      const index = lines.findIndex((line) => line.productId === productId);
      fail(index >= 0 ? `items.${index}.quantity` : "items", "checkoutErrors.outOfStock");
    }
  }
}

async function requoteShipping(tx: DbTransaction, order: LockedOrder, itemsTotal: number, convert: (amount: number, from: string, to: string) => number | null): Promise<number> {
  if (!order.shippingMethod) return 0;
  const rules = await tx.shippingRule.findMany({
    where: { isActive: true, OR: [{ productId: null }, { productId: order.productId }] },
    select: { id: true, method: true, productId: true, country: true, region: true, cost: true, currency: true, freeFrom: true, priority: true, isActive: true },
  });
  const quote = shippingCost(
    rules.map((rule) => ({ ...rule, country: rule.country?.trim() ?? null, currency: rule.currency.trim() })),
    { productId: order.productId, country: order.country, region: order.region, method: order.shippingMethod, itemsTotal, currency: order.currency },
    convert,
  );
  // The method's rule is gone since the order was placed: keep what the customer was quoted.
  return quote ? quote.cost : order.shippingTotal;
}
