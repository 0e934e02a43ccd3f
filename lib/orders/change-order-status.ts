// The one way an order's status changes (DESIGN.md: one function owns the transition table; every
// change is recorded: who, when, from, to, why). In one transaction, with the order row locked so
// two people moving the same order queue up and the second sees the first's result:
// - the move is checked against ORDER_TRANSITIONS and, for employees, their role;
// - the history row, the status timestamp and statusChangedAt are written;
// - stock follows the goods (reserved while the order may ship, taken from stock when shipped,
//   back when returned), see stockHolding;
// - a coupon use goes back when an unshipped order is cancelled, spam or a duplicate, once, and is
//   taken again when it returns to work, within its total and per-customer limits
//   (lib/marketing/discounts/settle-coupon-use);
// - refusals (cancelled, returned, spam) are recorded by phone for the fraud and duplicate rules;
// - COD money that reached the shop marks the order paid;
// - a customer whose order became CONFIRMED gets the "order accepted" mail (through the outbox).
// - the order's commissions follow it (approved, cancelled, reversed after payout).
// - the partner of an attributed order gets a postback of every change (through the outbox).
// - a paid order with digital goods gets them delivered (lib/digital/deliver-digital-goods).
// - the customer's bought-out revenue follows moves into and out of PAID (the CRM's order
//   counters follow every move through the database trigger).
import { z } from "zod";
import { queuePostback } from "@/lib/affiliates/postbacks/queue-postback";
import { applyOrderStatusToCommissions } from "@/lib/affiliates/commissions/apply-order-status-to-commissions";
import { queueOrderAcceptedMail, loadProductEmailText, orderMailSelect } from "@/lib/checkout/order-mails";
import { db, type DbTransaction } from "@/lib/db";
import { OrderStatus, Role, type RefusalKind } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { deliverDigitalGoods } from "@/lib/digital/deliver-digital-goods";
import { refreshCustomerRevenue } from "@/lib/crm/customers/refresh-customer-revenue";
import { recordAudit, type AuditEntryInput } from "@/lib/audit/record-audit";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { lockCouponCustomer, settleCouponUse } from "@/lib/marketing/discounts/settle-coupon-use";
import { assertTransition, canRoleChangeStatus, canRoleSetTrackingNumber, isConfirmedStatus, STATUS_TIMESTAMP_FIELD, stockHolding } from "./transitions";

export const ZOrderActor = z.object({
  type: z.enum(["USER", "CUSTOMER", "PARTNER", "SYSTEM", "API_KEY"]),
  id: z.string().min(1).max(64).optional(),
  role: z.enum(Role).optional(),
});
export type TOrderActor = z.input<typeof ZOrderActor>;

export const ZChangeOrderStatusInput = z.object({
  orderId: z.string().trim().min(1).max(64),
  to: z.enum(OrderStatus),
  actor: ZOrderActor,
  reason: z.string().trim().max(1000).optional(),
  trackingNumber: z.string().trim().min(1).max(64).optional(),
  /** The status the caller saw: checked under the order's lock, so a stale form cannot move it back. */
  expectedFrom: z.enum(OrderStatus).optional(),
});
export type TChangeOrderStatusInput = z.input<typeof ZChangeOrderStatusInput>;

export interface ChangeOrderStatusResult {
  id: string;
  number: number;
  from: OrderStatus;
  status: OrderStatus;
  changed: boolean;
}

/** The CONFLICT message when the order is no longer in the status the caller saw (expectedFrom). */
export const ORDER_CHANGED_MEANWHILE = "The order changed meanwhile";

const REFUSAL_KIND: Partial<Record<OrderStatus, RefusalKind>> = { CANCELLED: "CANCELLED", RETURNED: "RETURNED", SPAM: "SPAM" };

interface LockedOrder {
  id: string;
  number: number;
  status: OrderStatus;
  paymentMethod: string;
  productId: string;
  customerId: string;
  phoneNormalized: string | null;
  trackingNumber: string | null;
}

export async function changeOrderStatus(input: TChangeOrderStatusInput, options: { tx?: DbTransaction } = {}): Promise<ChangeOrderStatusResult> {
  const parsed = ZChangeOrderStatusInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid status change", { fieldErrors: zodFieldErrors(parsed.error) });
  const change = parsed.data;
  return options.tx ? changeInTransaction(options.tx, change) : db.$transaction((tx) => changeInTransaction(tx, change));
}

async function changeInTransaction(tx: DbTransaction, change: z.output<typeof ZChangeOrderStatusInput>): Promise<ChangeOrderStatusResult> {
  const { actor, to } = change;
  // Only an order taken back into work moves to UNCONFIRMED: its coupon's per-customer limit is
  // checked under the checkout's contact locks, taken before the row lock (lockCouponCustomer).
  if (to === "UNCONFIRMED") await lockCouponCustomer(tx, change.orderId);
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, number, status::text AS status, "paymentMethod"::text AS "paymentMethod", "productId", "customerId", "phoneNormalized", "trackingNumber"
    FROM "Order" WHERE id = ${change.orderId} FOR UPDATE`;
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  const from = order.status;
  if (change.expectedFrom !== undefined && change.expectedFrom !== from) throw new AppError("CONFLICT", ORDER_CHANGED_MEANWHILE);

  if (change.trackingNumber !== undefined && actor.role && !canRoleSetTrackingNumber(actor.role)) {
    throw new AppError("FORBIDDEN", "Your role cannot set tracking numbers");
  }
  if (from === to) {
    // Nothing to move; a tracking number that came with the request is still worth keeping.
    if (change.trackingNumber !== undefined && change.trackingNumber !== order.trackingNumber) {
      await tx.order.update({ where: { id: order.id }, data: { trackingNumber: change.trackingNumber }, select: { id: true } });
      await audit(tx, change, order, { before: { trackingNumber: order.trackingNumber }, after: { trackingNumber: change.trackingNumber } });
    }
    return { id: order.id, number: order.number, from, status: to, changed: false };
  }
  assertTransition(from, to);
  if (actor.role && !canRoleChangeStatus(actor.role, from, to)) {
    throw new AppError("FORBIDDEN", `Your role cannot move an order from ${from} to ${to}`);
  }

  // The coupon's row before the products', in the order the checkout claims them (reserveStock),
  // so a status change and an order of the same coupon and product never wait on each other.
  await settleCouponUse(tx, { orderId: order.id, from, to });
  await moveStock(tx, order.id, from, to);

  const now = new Date();
  const timestampField = STATUS_TIMESTAMP_FIELD[to as keyof typeof STATUS_TIMESTAMP_FIELD];
  await tx.order.update({
    where: { id: order.id },
    data: {
      status: to,
      statusChangedAt: now,
      ...(timestampField ? { [timestampField]: now } : {}),
      // Cash collected on delivery has reached the shop: that is what PAID means for COD.
      ...(to === "PAID" && order.paymentMethod !== "PREPAID" ? { paymentStatus: "PAID" as const } : {}),
      ...(change.trackingNumber !== undefined ? { trackingNumber: change.trackingNumber } : {}),
    },
    select: { id: true },
  });
  await tx.orderStatusChange.create({
    data: { orderId: order.id, fromStatus: from, toStatus: to, actorType: actor.type, actorId: actor.id ?? null, reason: change.reason || null },
    select: { id: true },
  });

  await recordRefusal(tx, change, order, from);
  if (from === "UNCONFIRMED" && to === "CONFIRMED") await queueAcceptedMail(tx, order.id);
  await applyOrderStatusToCommissions(tx, { orderId: order.id, status: to, now });
  // Every change of an attributed order is reported to the partner (no-op without a postback URL).
  await queuePostback(tx, { orderId: order.id, status: to });
  // Outgoing webhooks (nothing is written without a subscribed endpoint).
  await recordWebhookEvents(tx, [
    { type: "order.status_changed", objectId: order.id, previousAttributes: { status: from } },
    ...(to === "PAID" ? [{ type: "order.paid" as const, objectId: order.id }] : []),
  ]);
  // A paid order in a confirmed status gets its digital goods (once; a no-op for others).
  if (isConfirmedStatus(to)) await deliverDigitalGoods(tx, order.id);
  if (from === "PAID" || to === "PAID") await refreshCustomerRevenue([order.customerId], { tx });
  await audit(tx, change, order, { before: { status: from }, after: { status: to }, data: { reason: change.reason ?? null } });

  return { id: order.id, number: order.number, from, status: to, changed: true };
}

/**
 * Applies the difference in stock holding between the two statuses to every tracked product of
 * the order. Re-reserving (an order restored to UNCONFIRMED) needs the stock to be there.
 */
async function moveStock(tx: DbTransaction, orderId: string, from: OrderStatus, to: OrderStatus) {
  const before = stockHolding(from);
  const after = stockHolding(to);
  const reservedPerUnit = after.reserved - before.reserved;
  const stockPerUnit = before.taken - after.taken;
  if (reservedPerUnit === 0 && stockPerUnit === 0) return;

  const items = await tx.orderItem.groupBy({ by: ["productId"], where: { orderId }, _sum: { quantity: true } });
  for (const item of items) {
    const quantity = item._sum.quantity ?? 0;
    if (quantity === 0) continue;
    const reserved = reservedPerUnit * quantity;
    const stock = stockPerUnit * quantity;
    // Untracked stock (NULL) is left alone; `reserved` never goes below zero (orders created
    // before reservations existed, e.g. imported ones, release what they never took).
    const updated = await tx.$executeRaw`
      UPDATE "Product"
      SET reserved = CASE WHEN stock IS NULL THEN reserved ELSE GREATEST(reserved + ${reserved}::int, 0) END,
          stock = CASE WHEN stock IS NULL THEN NULL ELSE stock + ${stock}::int END
      WHERE id = ${item.productId} AND (stock IS NULL OR ${reserved}::int <= 0 OR stock - reserved >= ${reserved}::int)`;
    if (updated === 0) throw new AppError("CONFLICT", "Not enough stock to take this order back into work");
  }
}

async function recordRefusal(tx: DbTransaction, change: z.output<typeof ZChangeOrderStatusInput>, order: LockedOrder, from: OrderStatus) {
  const kind = REFUSAL_KIND[change.to];
  if (kind && order.phoneNormalized) {
    await tx.refusalRecord.createMany({
      data: [
        {
          phoneNormalized: order.phoneNormalized,
          kind,
          orderId: order.id,
          customerId: order.customerId,
          reason: change.reason || null,
          createdById: change.actor.type === "USER" ? (change.actor.id ?? null) : null,
        },
      ],
      skipDuplicates: true,
    });
  }
  // An order taken back into work was not a refusal after all: its record would wrong the customer.
  if (change.to === "UNCONFIRMED" && REFUSAL_KIND[from]) {
    await tx.refusalRecord.deleteMany({ where: { orderId: order.id, kind: REFUSAL_KIND[from] } });
  }
}

async function queueAcceptedMail(tx: DbTransaction, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderMailSelect });
  if (!order.emailNormalized) return;
  const [settings, text] = await Promise.all([getShopSettings(), loadProductEmailText(tx, order.productId, "order-accepted", order.locale)]);
  await queueOrderAcceptedMail(tx, order, { settings, text });
}

async function audit(tx: DbTransaction, change: z.output<typeof ZChangeOrderStatusInput>, order: LockedOrder, what: Pick<AuditEntryInput, "before" | "after" | "data">) {
  // The order history already says who moved it; the audit log keeps employees' and API keys' actions in one place.
  if (change.actor.type !== "USER" && change.actor.type !== "API_KEY") return;
  await recordAudit(tx, {
    actor: { type: change.actor.type === "USER" ? "USER" : "api_key", id: change.actor.id },
    action: "order.status",
    entity: { type: "Order", id: order.id },
    ...what,
  });
}
