// "Send the purchase mail again" from the admin order page: the buyer lost the mail or the link
// expired. A new DOWNLOAD link (full lifetime and download budget) goes out with the codes the
// order already has and the files as they are now; earlier links keep working until they expire.
// An order not delivered yet (paid before any codes or files existed, say) is delivered now.
// Each resend is its own mail (keyed by the new link), recorded in the history and audit log.
import { orderMailSelect } from "@/lib/checkout/order-mails";
import { db, type DbTransaction } from "@/lib/db";
import type { OrderStatus, PaymentStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { isConfirmedStatus } from "@/lib/orders/transitions";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { deliverDigitalGoods, digitalMailKeys, queuePurchaseMail } from "./deliver-digital-goods";
import { DOWNLOAD_LINK_TTL_HOURS } from "./download-rules";
import { recordAudit } from "@/lib/audit/record-audit";

export type ResendPurchaseMailResult = "SENT" | "NO_EMAIL" | "NOT_PAID" | "NOTHING_DIGITAL";

export const resendMailKey = (orderId: string, linkId: string) => `${digitalMailKeys.purchase(orderId)}:resend:${linkId}`;

export async function resendPurchaseMail(orderId: string, actor: { id: string }): Promise<ResendPurchaseMailResult> {
  return db.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; status: OrderStatus; paymentStatus: PaymentStatus; emailNormalized: string | null }[]>`
      SELECT id, status::text AS status, "paymentStatus"::text AS "paymentStatus", "emailNormalized" FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    if (!order) throw new AppError("NOT_FOUND", "Order not found");
    if (order.paymentStatus !== "PAID" || !isConfirmedStatus(order.status)) return "NOT_PAID";
    if (!order.emailNormalized) return "NO_EMAIL";

    const delivered = await tx.linkToken.findFirst({ where: { orderId, purpose: "DOWNLOAD" }, select: { id: true } });
    if (!delivered) {
      const result = await deliverDigitalGoods(tx, orderId);
      if (result.status === "NOTHING_DIGITAL") return "NOTHING_DIGITAL";
      await audit(tx, actor, orderId);
      return "SENT";
    }

    const items = await tx.orderItem.findMany({ where: { orderId, product: { type: "DIGITAL" } }, select: { productId: true } });
    if (items.length === 0) return "NOTHING_DIGITAL";
    // One after another: a transaction is one connection, which runs one query at a time.
    const mailOrder = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderMailSelect });
    const files = await tx.digitalFile.findMany({
      where: { productId: { in: items.map((item) => item.productId) } },
      select: { fileName: true, sizeBytes: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    const codes = await tx.pinCode.findMany({ where: { orderId }, select: { code: true, product: { select: { name: true } } }, orderBy: [{ assignedAt: "asc" }, { code: "asc" }] });
    const settings = await getShopSettings();
    const link = await createLinkToken(tx, { purpose: "DOWNLOAD", ttlHours: DOWNLOAD_LINK_TTL_HOURS, orderId, email: order.emailNormalized });
    const groups = new Map<string, string[]>();
    for (const row of codes) groups.set(row.product.name, [...(groups.get(row.product.name) ?? []), row.code]);
    await queuePurchaseMail(tx, mailOrder, {
      idempotencyKey: resendMailKey(orderId, link.id),
      link,
      settings,
      files,
      pinCodes: [...groups].map(([productName, list]) => ({ productName, codes: list })),
      pinCodesMissing: false,
    });
    await tx.orderStatusChange.create({
      data: { orderId, fromStatus: order.status, toStatus: order.status, actorType: "USER", actorId: actor.id, reason: "purchase mail sent again with a new download link" },
      select: { id: true },
    });
    await audit(tx, actor, orderId);
    return "SENT";
  });
}

async function audit(tx: DbTransaction, actor: { id: string }, orderId: string) {
  await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "order.digital_resend", entity: { type: "Order", id: orderId } });
}
