// The customer's click on "Confirm my order" (/order/confirm/<token>). The token is the only
// authorisation, so every outcome that is not a first valid use changes nothing:
// - malformed, unknown, or another purpose's token → INVALID;
// - expired and never used → EXPIRED;
// - already used, or the order is confirmed by now (say an operator called first) → ALREADY_CONFIRMED;
// - otherwise the token is used up and the order moves to CONFIRMED by the customer, in one
//   transaction, so two clicks at once confirm once and the second hears "already confirmed".
import { db, type DbTransaction } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken } from "@/lib/tokens/link-token";
import { changeOrderStatus } from "./change-order-status";
import { isConfirmedStatus } from "./transitions";

export type ConfirmOrderResult = "CONFIRMED" | "ALREADY_CONFIRMED" | "EXPIRED" | "INVALID";

export interface ConfirmOrderOutcome {
  result: ConfirmOrderResult;
  order?: { publicId: string; number: number; productName: string; total: number; currency: string; status: OrderStatus; locale: string };
}

export const CONFIRMED_BY_LINK_REASON = "confirmed by the link in the email";

const orderSelect = { id: true, publicId: true, number: true, total: true, currency: true, status: true, locale: true, customerId: true, product: { select: { name: true } } } as const;

export async function confirmOrderByToken(rawToken: string): Promise<ConfirmOrderOutcome> {
  if (!isWellFormedLinkToken(rawToken)) return { result: "INVALID" };
  const tokenHash = hashLinkToken(rawToken);

  return db.$transaction(async (tx) => {
    // Locked, so a second click waits for the first to finish and then sees it used.
    const [link] = await tx.$queryRaw<{ id: string; purpose: string; orderId: string | null; expiresAt: Date; usedAt: Date | null }[]>`
      SELECT id, purpose::text AS purpose, "orderId", "expiresAt", "usedAt" FROM "LinkToken" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    if (!link || link.purpose !== "CONFIRM_ORDER" || !link.orderId) return { result: "INVALID" as const };
    const order = await tx.order.findUnique({ where: { id: link.orderId }, select: orderSelect });
    if (!order) return { result: "INVALID" as const };

    if (link.usedAt) return isConfirmedStatus(order.status) ? outcome("ALREADY_CONFIRMED", order) : { result: "INVALID" as const };
    // Confirmed another way (an operator called first): nothing left to do, nothing to change.
    if (isConfirmedStatus(order.status)) return outcome("ALREADY_CONFIRMED", order);
    if (isLinkTokenExpired(link.expiresAt)) return outcome("EXPIRED", order);
    // Cancelled, spam or duplicate meanwhile: the link no longer applies.
    if (order.status !== "UNCONFIRMED") return { result: "INVALID" as const };

    await useToken(tx, link.id);
    const changed = await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: { type: "CUSTOMER", id: order.customerId }, reason: CONFIRMED_BY_LINK_REASON }, { tx });
    return outcome("CONFIRMED", { ...order, status: changed.status });
  });
}

async function useToken(tx: DbTransaction, id: string) {
  await tx.linkToken.update({ where: { id }, data: { usedAt: new Date(), useCount: { increment: 1 } }, select: { id: true } });
}

function outcome(
  result: ConfirmOrderResult,
  order: { publicId: string; number: number; total: number; currency: string; status: OrderStatus; locale: string; product: { name: string } },
): ConfirmOrderOutcome {
  return {
    result,
    order: { publicId: order.publicId, number: order.number, productName: order.product.name, total: order.total, currency: order.currency, status: order.status, locale: order.locale },
  };
}
