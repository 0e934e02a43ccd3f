// Loads orders as the postal forms print them (postal-form-order.ts), in the order of the ids
// given. Russian Post domestic forms take rubles and Russian addresses only: orders in another
// currency or country are refused with the same per-order listing as missing fields. The postal
// fees come from the postal tariff when it is set and the weight is known (a shipping batch
// prints its parcels' stored fees instead).
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { computeParcelFees, getPostalTariff } from "../fees/postal-tariff";
import type { PostalFormOrder } from "./postal-form-order";

/** At most this many orders in one PDF (a day's batch of a busy shop fits). */
export const MAX_POSTAL_FORM_ORDERS = 2000;

const orderSelect = {
  id: true,
  number: true,
  customerName: true,
  phone: true,
  country: true,
  postcode: true,
  province: true,
  city: true,
  street: true,
  house: true,
  flat: true,
  currency: true,
  total: true,
  paymentMethod: true,
  paymentStatus: true,
  trackingNumber: true,
  items: { select: { quantity: true, product: { select: { type: true, weightGrams: true } } } },
} as const;

/** "ул. Ленина", "5", "12", "Казань", "Татарстан" → "ул. Ленина, д. 5, кв. 12, Казань, Татарстан". */
export function postalAddress(parts: { street: string | null; house: string | null; flat: string | null; city: string | null; province: string | null }): string | null {
  const numbered = (prefix: string, value: string | null) => (value?.trim() ? (/^\d/.test(value.trim()) ? `${prefix} ${value.trim()}` : value.trim()) : null);
  const line = [parts.street?.trim(), numbered("д.", parts.house), numbered("кв.", parts.flat), parts.city?.trim(), parts.province?.trim()].filter(Boolean).join(", ");
  return line || null;
}

export async function loadPostalFormOrders(orderIds: string[]): Promise<PostalFormOrder[]> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) throw new AppError("VALIDATION", "Choose at least one order", { fieldErrors: { orders: ["logisticsForms.problems.noOrders"] } });
  if (ids.length > MAX_POSTAL_FORM_ORDERS)
    throw new AppError("VALIDATION", `At most ${MAX_POSTAL_FORM_ORDERS} orders at once`, { fieldErrors: { orders: ["logisticsForms.problems.tooMany"] } });
  const rows = await db.order.findMany({ where: { id: { in: ids } }, select: orderSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError("NOT_FOUND", `Orders not found: ${missing.join(", ")}`);

  const fieldErrors: FieldErrors = {};
  for (const row of rows) {
    const problems = [...(row.currency === "RUB" ? [] : ["logisticsForms.problems.notRub"]), ...(row.country === "RU" ? [] : ["logisticsForms.problems.notDomestic"])];
    if (problems.length) fieldErrors[`orders.${row.number}`] = problems;
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", `Not domestic ruble orders: ${Object.keys(fieldErrors).join(", ")}`, { fieldErrors });

  const tariff = await getPostalTariff();
  return ids.map((id) => {
    const row = byId.get(id)!;
    const physical = row.items.filter((item) => item.product.type === "PHYSICAL");
    const weightKnown = physical.length > 0 && physical.every((item) => item.product.weightGrams !== null);
    const weightGrams = weightKnown ? physical.reduce((sum, item) => sum + item.quantity * item.product.weightGrams!, 0) : null;
    // COD collects what is still owed: nothing for an order already paid by card.
    const codAmount = row.paymentMethod === "COD" && row.paymentStatus !== "PAID" ? row.total : 0;
    return {
      orderId: row.id,
      orderNumber: row.number,
      recipientName: row.customerName,
      address: postalAddress(row),
      postcode: row.postcode?.replace(/\s/g, "") ?? null,
      phone: row.phone,
      declaredValue: row.total,
      codAmount,
      trackingNumber: row.trackingNumber,
      weightGrams,
      ...(tariff && weightGrams !== null ? { fees: computeParcelFees(tariff, { weightGrams, declaredValue: row.total }) } : {}),
    };
  });
}
