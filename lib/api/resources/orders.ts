// API orders: list (filters, cursor pages), get, create (the JSON checkout's rules), change
// status (the one transition function), set the tracking number, add a note. Domain rules stay
// in lib/checkout and lib/orders; this maps the API's snake_case input and the order object.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { TApiKeyActor } from "@/lib/api/api-key-actor";
import { placeOrder } from "@/lib/checkout/place-order";
import { db, type Prisma } from "@/lib/db";
import { ActorType, OrderItemKind, OrderStatus, PaymentMethod, PaymentStatus, Region, ShippingMethod } from "@/lib/db/generated/enums";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { addOrderNote } from "@/lib/orders/add-order-note";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { orderFilterWhere, ZOrderFilters } from "@/lib/orders/list-orders";
import { ApiError } from "../api-error";
import { createdWhere, iso, isoOrNull, ZCreatedRange, ZCurrency, ZInstant, ZMoney } from "../objects";
import { keysetOrder, keysetWhere, paginate, ZListParams } from "../pagination";

const ZHistoryEntry = z.object({
  id: z.string(),
  from: z.enum(OrderStatus).nullable(),
  to: z.enum(OrderStatus),
  actor: z.object({ type: z.enum(ActorType), id: z.string().nullable() }),
  note: z.string().nullable().meta({ description: "The reason of a move, or the text of a note (from = to)." }),
  created: ZInstant,
});

export const ZOrderObject = z
  .object({
    id: z.string(),
    object: z.literal("order"),
    number: z.int(),
    public_id: z.string().meta({ description: "Id of the customer's order pages (/order/<public_id>)." }),
    status: z.enum(OrderStatus),
    payment_status: z.enum(PaymentStatus),
    payment_method: z.enum(PaymentMethod),
    shipping_method: z.enum(ShippingMethod).nullable(),
    currency: ZCurrency,
    amount_items: ZMoney,
    amount_discount: ZMoney,
    amount_shipping: ZMoney,
    amount_total: ZMoney,
    product: z.string().meta({ description: "Id of the product whose checkout page took the order." }),
    items: z.array(
      z.object({
        id: z.string(),
        object: z.literal("order_item"),
        product: z.string(),
        kind: z.enum(OrderItemKind),
        name: z.string(),
        quantity: z.int(),
        unit_amount: ZMoney,
        amount: ZMoney,
      }),
    ),
    customer: z.string(),
    customer_details: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
    shipping_address: z.object({
      country: z.string(),
      postcode: z.string().nullable(),
      province: z.string().nullable(),
      city: z.string().nullable(),
      street: z.string().nullable(),
      house: z.string().nullable(),
      flat: z.string().nullable(),
    }),
    region: z.enum(Region),
    locale: z.string(),
    comment: z.string().nullable().meta({ description: "The customer's comment." }),
    custom_fields: z.record(z.string(), z.unknown()).nullable(),
    tracking_number: z.string().nullable(),
    duplicate_of: z.string().nullable(),
    partner: z.string().nullable(),
    attribution: z.object({ sub1: z.string().nullable(), sub2: z.string().nullable(), sub3: z.string().nullable(), sub4: z.string().nullable(), sub5: z.string().nullable() }),
    source: z.string().meta({ description: "checkout, api, admin or import." }),
    status_transitions: z.object({
      confirmed_at: ZInstant.nullable(),
      shipped_at: ZInstant.nullable(),
      delivered_at: ZInstant.nullable(),
      handed_at: ZInstant.nullable(),
      paid_at: ZInstant.nullable(),
      cancelled_at: ZInstant.nullable(),
      returned_at: ZInstant.nullable(),
    }),
    history: z.array(ZHistoryEntry).meta({ description: "Every status change and note, oldest first." }),
    created: ZInstant,
    updated: ZInstant,
  })
  .meta({ id: "Order" });
export type OrderObject = z.infer<typeof ZOrderObject>;

const orderSelect = {
  id: true,
  number: true,
  publicId: true,
  status: true,
  paymentStatus: true,
  paymentMethod: true,
  shippingMethod: true,
  currency: true,
  itemsTotal: true,
  discountTotal: true,
  shippingTotal: true,
  total: true,
  productId: true,
  customerId: true,
  customerName: true,
  phone: true,
  email: true,
  country: true,
  postcode: true,
  province: true,
  city: true,
  street: true,
  house: true,
  flat: true,
  region: true,
  locale: true,
  customerComment: true,
  customFields: true,
  trackingNumber: true,
  duplicateOfId: true,
  partnerId: true,
  sub1: true,
  sub2: true,
  sub3: true,
  sub4: true,
  sub5: true,
  source: true,
  confirmedAt: true,
  shippedAt: true,
  deliveredAt: true,
  handedAt: true,
  paidAt: true,
  cancelledAt: true,
  returnedAt: true,
  createdAt: true,
  updatedAt: true,
  items: { select: { id: true, productId: true, kind: true, productName: true, quantity: true, unitPrice: true, total: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  statusChanges: { select: { id: true, fromStatus: true, toStatus: true, actorType: true, actorId: true, reason: true, createdAt: true }, orderBy: { id: "asc" } },
} as const satisfies Prisma.OrderSelect;

function orderObject(row: Prisma.OrderGetPayload<{ select: typeof orderSelect }>): OrderObject {
  return {
    id: row.id,
    object: "order",
    number: row.number,
    public_id: row.publicId,
    status: row.status,
    payment_status: row.paymentStatus,
    payment_method: row.paymentMethod,
    shipping_method: row.shippingMethod,
    currency: row.currency.trim(),
    amount_items: row.itemsTotal,
    amount_discount: row.discountTotal,
    amount_shipping: row.shippingTotal,
    amount_total: row.total,
    product: row.productId,
    items: row.items.map((item) => ({
      id: item.id,
      object: "order_item",
      product: item.productId,
      kind: item.kind,
      name: item.productName,
      quantity: item.quantity,
      unit_amount: item.unitPrice,
      amount: item.total,
    })),
    customer: row.customerId,
    customer_details: { name: row.customerName, phone: row.phone, email: row.email },
    shipping_address: { country: row.country.trim(), postcode: row.postcode, province: row.province, city: row.city, street: row.street, house: row.house, flat: row.flat },
    region: row.region,
    locale: row.locale,
    comment: row.customerComment,
    custom_fields: (row.customFields as Record<string, unknown> | null) ?? null,
    tracking_number: row.trackingNumber,
    duplicate_of: row.duplicateOfId,
    partner: row.partnerId,
    attribution: { sub1: row.sub1, sub2: row.sub2, sub3: row.sub3, sub4: row.sub4, sub5: row.sub5 },
    source: row.source,
    status_transitions: {
      confirmed_at: isoOrNull(row.confirmedAt),
      shipped_at: isoOrNull(row.shippedAt),
      delivered_at: isoOrNull(row.deliveredAt),
      handed_at: isoOrNull(row.handedAt),
      paid_at: isoOrNull(row.paidAt),
      cancelled_at: isoOrNull(row.cancelledAt),
      returned_at: isoOrNull(row.returnedAt),
    },
    history: row.statusChanges.map((change) => ({
      id: change.id.toString(),
      from: change.fromStatus,
      to: change.toStatus,
      actor: { type: change.actorType, id: change.actorId },
      note: change.reason,
      created: iso(change.createdAt),
    })),
    created: iso(row.createdAt),
    updated: iso(row.updatedAt),
  };
}

// ─── list / get ───

export const ZListOrdersQuery = ZListParams.extend({
  status: z.enum(OrderStatus).optional().meta({ description: "Only orders in this status." }),
  product: z.string().max(64).optional().meta({ description: "Only orders of this product (id)." }),
  partner: z.string().max(64).optional().meta({ description: "Only orders of this partner (id), or `none` for orders without one." }),
  customer: z.string().max(64).optional().meta({ description: "Only orders of this customer (id)." }),
  ...ZCreatedRange,
});

export async function listApiOrders(query: z.output<typeof ZListOrdersQuery>) {
  // The admin list's filter builder (status, product, partner incl. "none"), plus the API's own.
  const filters = ZOrderFilters.parse({ status: query.status, productId: query.product, partnerId: query.partner });
  const filter: Prisma.OrderWhereInput = { AND: [orderFilterWhere(filters), createdWhere(query), query.customer ? { customerId: query.customer } : {}] };
  const { rows, hasMore } = await paginate(query, {
    cursorOf: async (id) => {
      const row = await db.order.findUnique({ where: { id }, select: { id: true, createdAt: true } });
      return row && { id: row.id, created: row.createdAt };
    },
    load: (after, direction, take) => db.order.findMany({ where: { AND: [filter, keysetWhere(after, direction)] }, orderBy: keysetOrder(direction), take, select: orderSelect }),
  });
  return { object: "list" as const, url: "/api/v1/orders" as const, has_more: hasMore, data: rows.map(orderObject) };
}

export async function getApiOrder(id: string): Promise<OrderObject> {
  const row = await db.order.findUnique({ where: { id }, select: orderSelect });
  if (!row) throw notFound("Order");
  return orderObject(row);
}

// ─── create ───

const ZSubId = z.string().trim().max(200).optional();

export const ZCreateOrderBody = z
  .object({
    product: z.string().min(1).max(200).meta({ description: "Product id or slug." }),
    quantity: z.int().min(1).max(99).default(1),
    country: z.string().length(2).meta({ description: "ISO 3166-1 alpha-2 delivery country.", example: "RU" }),
    payment_method: z.enum(["COD", "COURIER", "PREPAID"]),
    shipping_method: z.enum(ShippingMethod).optional().meta({ description: "By default the first one offered for the payment method." }),
    locale: z.enum(LOCALES).default("ru").meta({ description: "Language of the customer's mails." }),
    fields: z.record(z.string().max(64), z.string().max(5000)).meta({
      description: "The checkout form's values by field key, as the product's form has them (fullName, phone, email, postcode, city, street, house, flat, comment, terms, custom keys).",
    }),
    pay_amount: z.int().min(0).optional().meta({ description: "Pay-what-you-want: the unit price chosen, in minor units." }),
    bump_ids: z.array(z.string().max(64)).max(20).optional().meta({ description: "Order bumps taken." }),
    expected_total: z.int().optional().meta({ description: "The total the customer saw (minor units): the order is refused (422) if the server's differs." }),
    partner: z.string().max(64).optional().meta({ description: "Attribute the order to this partner (id or login); refused for a self-referral or an inactive partner." }),
    sub1: ZSubId,
    sub2: ZSubId,
    sub3: ZSubId,
    sub4: ZSubId,
    sub5: ZSubId,
  })
  .strict()
  .meta({ id: "OrderCreate" });

/** The checkout's own input names in the API's snake_case. */
const PARAM_OF: Record<string, string> = {
  paymentMethod: "payment_method",
  shippingMethod: "shipping_method",
  payAmount: "pay_amount",
  bumpIds: "bump_ids",
  expectedTotal: "expected_total",
  idempotencyKey: "Idempotency-Key",
  product: "product",
  quantity: "quantity",
  country: "country",
  locale: "locale",
};

export async function createApiOrder(
  body: z.output<typeof ZCreateOrderBody>,
  actor: TApiKeyActor,
  context: { ip: string; userAgent?: string; idempotencyKey?: string },
): Promise<{ order: OrderObject; created: boolean }> {
  let attribution: { partnerId: string; sub1?: string; sub2?: string; sub3?: string; sub4?: string; sub5?: string } | undefined;
  if (body.partner) {
    const partner = await db.partner.findFirst({ where: { OR: [{ id: body.partner }, { login: body.partner.toLowerCase() }] }, select: { id: true, status: true } });
    if (!partner || partner.status !== "ACTIVE")
      throw new ApiError("VALIDATION", "parameter_invalid", "No active partner with this id or login", {
        param: "partner",
        fieldErrors: { partner: ["No active partner with this id or login"] },
      });
    attribution = { partnerId: partner.id, sub1: body.sub1, sub2: body.sub2, sub3: body.sub3, sub4: body.sub4, sub5: body.sub5 };
  }
  // The checkout's own once-only key: derived from the API key and its Idempotency-Key, so a
  // repeat after an expired API idempotency row still finds the order; random without one.
  const orderKey = context.idempotencyKey ? `api:${actor.id}:${createHash("sha256").update(context.idempotencyKey).digest("hex").slice(0, 48)}` : `api:${actor.id}:${randomUUID()}`;
  try {
    const result = await placeOrder(
      {
        product: body.product,
        idempotencyKey: orderKey,
        quantity: body.quantity,
        country: body.country,
        paymentMethod: body.payment_method,
        shippingMethod: body.shipping_method,
        payAmount: body.pay_amount,
        bumpIds: body.bump_ids,
        locale: body.locale,
        fields: body.fields,
        expectedTotal: body.expected_total,
      },
      { ip: context.ip, userAgent: context.userAgent, attribution, source: "api", rateLimit: false },
    );
    return { order: await getApiOrder(result.order.id), created: result.created };
  } catch (error) {
    throw apiParams(error);
  }
}

/** The checkout's field errors under the API's parameter names (form values under `fields.<key>`). */
function apiParams(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors) return error;
  const fieldErrors: FieldErrors = {};
  for (const [key, messages] of Object.entries(error.fieldErrors)) fieldErrors[PARAM_OF[key] ?? (key === "_" ? key : `fields.${key}`)] = messages;
  return new AppError(error.code, error.message, { fieldErrors, retryAfterSeconds: error.options.retryAfterSeconds });
}

// ─── status, tracking number, note ───

export const ZOrderStatusBody = z
  .object({
    status: z.enum(OrderStatus),
    reason: z.string().trim().max(1000).optional().meta({ description: "Why (kept in the order's history)." }),
    tracking_number: z.string().trim().min(1).max(64).optional(),
    expected_status: z.enum(OrderStatus).optional().meta({ description: "Refuse (409) unless the order is still in this status." }),
  })
  .strict()
  .meta({ id: "OrderStatusChange" });

export async function changeApiOrderStatus(id: string, body: z.output<typeof ZOrderStatusBody>, actor: TApiKeyActor): Promise<{ order: OrderObject; before: { status: OrderStatus } }> {
  const result = await changeOrderStatus({
    orderId: id,
    to: body.status,
    actor: { type: "API_KEY", id: actor.id },
    reason: body.reason,
    trackingNumber: body.tracking_number,
    expectedFrom: body.expected_status,
  });
  return { order: await getApiOrder(result.id), before: { status: result.from } };
}

export const ZTrackingBody = z
  .object({
    tracking_number: z.string().trim().min(1).max(64),
    expected_status: z.enum(OrderStatus).optional().meta({ description: "Refuse (409) unless the order is still in this status." }),
  })
  .strict()
  .meta({ id: "OrderTracking" });

/** The tracking number without a move: the transition function to the order's own status stores it (and audits it). */
export async function setApiOrderTracking(
  id: string,
  body: z.output<typeof ZTrackingBody>,
  actor: TApiKeyActor,
): Promise<{ order: OrderObject; before: { tracking_number: string | null } }> {
  const current = await db.order.findUnique({ where: { id }, select: { status: true, trackingNumber: true } });
  if (!current) throw notFound("Order");
  await changeOrderStatus({
    orderId: id,
    to: current.status,
    expectedFrom: body.expected_status ?? current.status,
    actor: { type: "API_KEY", id: actor.id },
    trackingNumber: body.tracking_number,
  });
  return { order: await getApiOrder(id), before: { tracking_number: current.trackingNumber } };
}

export const ZNoteBody = z
  .object({ text: z.string().trim().min(1).max(2000) })
  .strict()
  .meta({ id: "OrderNoteCreate" });

export const ZOrderNoteObject = z.object({ id: z.string(), object: z.literal("order_note"), order: z.string(), text: z.string(), created: ZInstant }).meta({ id: "OrderNote" });

export async function addApiOrderNote(id: string, body: z.output<typeof ZNoteBody>, actor: TApiKeyActor): Promise<z.infer<typeof ZOrderNoteObject>> {
  const note = await addOrderNote({ orderId: id, text: body.text, actor: { type: "API_KEY", id: actor.id } });
  return { id: note.id, object: "order_note", order: note.orderId, text: note.text, created: iso(note.createdAt) };
}
