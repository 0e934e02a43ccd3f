// Delivery of digital goods: when an order with DIGITAL items is paid (a card payment confirmed
// by Stripe's webhook, or COD money that reached the shop: paymentStatus PAID in a confirmed
// status), in the caller's transaction:
// - one free pin code per unit is given to the order (FOR UPDATE SKIP LOCKED, so concurrent
//   orders of one product never take the same code and never wait on each other);
// - one DOWNLOAD link token is created for the order (DOWNLOAD_LINK_TTL_HOURS, a use budget of
//   DOWNLOADS_PER_FILE per file: see download-rules.ts);
// - the "your purchase" mail (link, files, codes) goes to the outbox;
// - the order history gets a note of what was delivered.
//
// Idempotent: the order row is locked and its DOWNLOAD token marks it delivered, so a repeated
// webhook, a second status change or two deliveries at once give codes once.
//
// When codes run short, the buyer gets what there is (files and the codes left), the mail says
// the rest will follow, the history note names the shortfall, and the shop gets a notice mail:
// the shop adds codes and sends them by hand. A product with neither files nor codes is treated
// the same way (nothing to deliver is a shortfall too).
import { clip, orderMailSelect, shopInfo, summary as orderMailSummary, type OrderMailData } from "@/lib/checkout/order-mails";
import { db, type DbTransaction } from "@/lib/db";
import type { OrderStatus, PaymentStatus } from "@/lib/db/generated/enums";
import { getEmailMessages } from "@/emails/messages";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { isConfirmedStatus } from "@/lib/orders/transitions";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import type { TShopSettings } from "@/lib/settings/shop-settings";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { DOWNLOAD_LINK_TTL_HOURS, DOWNLOADS_PER_FILE, downloadPagePath } from "./download-rules";

export const digitalMailKeys = {
  purchase: (orderId: string) => `digital-purchase:${orderId}`,
  shortage: (orderId: string) => `digital-shortage:${orderId}`,
};

export type DeliveryStatus = "DELIVERED" | "ALREADY_DELIVERED" | "NOT_PAID" | "NOTHING_DIGITAL";

export interface DigitalProductDelivery {
  productId: string;
  productName: string;
  quantity: number;
  codes: string[];
  /** The product sells pin codes (it has, or had, any). */
  sellsCodes: boolean;
  fileCount: number;
}

export interface DeliveryResult {
  status: DeliveryStatus;
  products: DigitalProductDelivery[];
  /** Units that should have got a code and did not. */
  missingCodes: number;
  /** The raw token of the new download link (only on DELIVERED). */
  token?: string;
}

interface LockedOrder {
  id: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
}

/** Delivers the order's digital goods if it is paid and not yet delivered; see the header. */
export async function deliverDigitalGoods(tx: DbTransaction, orderId: string): Promise<DeliveryResult> {
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, status::text AS status, "paymentStatus"::text AS "paymentStatus" FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  const none = (status: DeliveryStatus): DeliveryResult => ({ status, products: [], missingCodes: 0 });
  if (!order || order.paymentStatus !== "PAID" || !isConfirmedStatus(order.status)) return none("NOT_PAID");

  const items = await tx.orderItem.findMany({
    where: { orderId, product: { type: "DIGITAL" } },
    select: { productId: true, productName: true, quantity: true },
    orderBy: { createdAt: "asc" },
  });
  if (items.length === 0) return none("NOTHING_DIGITAL");
  const delivered = await tx.linkToken.findFirst({ where: { orderId, purpose: "DOWNLOAD" }, select: { id: true } });
  if (delivered) return none("ALREADY_DELIVERED");

  const products = groupByProduct(items);
  const files = await tx.digitalFile.findMany({
    where: { productId: { in: products.map((product) => product.productId) } },
    select: { productId: true, fileName: true, sizeBytes: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  for (const product of products) {
    product.fileCount = files.filter((file) => file.productId === product.productId).length;
    product.codes = await takePinCodes(tx, orderId, product.productId, product.quantity);
    product.sellsCodes = product.codes.length > 0 || (await tx.pinCode.count({ where: { productId: product.productId }, take: 1 })) > 0;
  }
  const missingCodes = products.reduce((sum, product) => sum + missingOf(product), 0);

  const mailOrder = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderMailSelect });
  const link = await createLinkToken(tx, { purpose: "DOWNLOAD", ttlHours: DOWNLOAD_LINK_TTL_HOURS, orderId, email: mailOrder.emailNormalized ?? undefined });
  const settings = await getShopSettings();

  await queuePurchaseMail(tx, mailOrder, {
    idempotencyKey: digitalMailKeys.purchase(orderId),
    link,
    settings,
    files,
    pinCodes: products.filter((product) => product.codes.length).map((product) => ({ productName: product.productName, codes: product.codes })),
    pinCodesMissing: missingCodes > 0,
  });
  if (missingCodes > 0 || products.some(isEmpty)) {
    await queueShortageNotice(tx, { id: orderId, number: mailOrder.number }, products, settings.shopEmail, settings.shopLocale);
  }

  await tx.orderStatusChange.create({
    data: { orderId, fromStatus: order.status, toStatus: order.status, actorType: "SYSTEM", reason: deliveryNote(products, files.length, Boolean(mailOrder.emailNormalized)) },
    select: { id: true },
  });
  return { status: "DELIVERED", products, missingCodes, token: link.token };
}

/** The same, in a transaction of its own (for callers outside one). */
export function deliverDigitalGoodsNow(orderId: string): Promise<DeliveryResult> {
  return db.$transaction((tx) => deliverDigitalGoods(tx, orderId));
}

/** The "your purchase" mail of an order (nothing without an email address). */
export async function queuePurchaseMail(
  tx: DbTransaction,
  order: OrderMailData,
  input: {
    idempotencyKey: string;
    link: { token: string; expiresAt: Date };
    settings: TShopSettings;
    files: { fileName: string; sizeBytes: bigint }[];
    pinCodes: { productName: string; codes: string[] }[];
    pinCodesMissing: boolean;
  },
) {
  if (!order.emailNormalized) return;
  await queueMail(tx, {
    idempotencyKey: input.idempotencyKey,
    to: order.emailNormalized,
    template: "digital-purchase",
    locale: isLocale(order.locale) ? order.locale : "ru",
    props: {
      ...orderMailSummary(order),
      shop: shopInfo(input.settings),
      customerName: clip(order.customerName, 200),
      downloadUrl: `${getEnv().APP_URL}${downloadPagePath(input.link.token)}`,
      expiresAt: input.link.expiresAt.toISOString(),
      files: input.files.map((file) => ({ name: file.fileName, sizeBytes: Number(file.sizeBytes) })),
      downloadsPerFile: DOWNLOADS_PER_FILE,
      pinCodes: input.pinCodes.map((group) => ({ product: clip(group.productName, 300) ?? "—", codes: group.codes })),
      pinCodesMissing: input.pinCodesMissing,
    },
  });
}

function groupByProduct(items: { productId: string; productName: string; quantity: number }[]): DigitalProductDelivery[] {
  const byProduct = new Map<string, DigitalProductDelivery>();
  for (const item of items) {
    const entry = byProduct.get(item.productId);
    if (entry) entry.quantity += item.quantity;
    else byProduct.set(item.productId, { productId: item.productId, productName: item.productName, quantity: item.quantity, codes: [], sellsCodes: false, fileCount: 0 });
  }
  return [...byProduct.values()];
}

/** Gives up to `quantity` free codes of the product to the order, oldest first. */
async function takePinCodes(tx: DbTransaction, orderId: string, productId: string, quantity: number): Promise<string[]> {
  if (quantity <= 0) return [];
  const rows = await tx.$queryRaw<{ code: string }[]>`
    UPDATE "PinCode" SET "orderId" = ${orderId}, "assignedAt" = now()
    WHERE id IN (
      SELECT id FROM "PinCode" WHERE "productId" = ${productId} AND "orderId" IS NULL
      ORDER BY "createdAt", id LIMIT ${quantity}::int FOR UPDATE SKIP LOCKED
    )
    RETURNING code`;
  return rows.map((row) => row.code).sort();
}

const missingOf = (product: DigitalProductDelivery) => (product.sellsCodes ? product.quantity - product.codes.length : 0);
const isEmpty = (product: DigitalProductDelivery) => !product.sellsCodes && product.fileCount === 0;

/** The history note (English, like every system reason in the history). */
export function deliveryNote(products: DigitalProductDelivery[], fileCount: number, mailed: boolean): string {
  const codes = products.reduce((sum, product) => sum + product.codes.length, 0);
  const parts = [`digital goods delivered: ${fileCount} file(s), ${codes} pin code(s)`];
  for (const product of products) {
    if (missingOf(product) > 0) parts.push(`not enough pin codes for "${product.productName}": ${product.codes.length} of ${product.quantity} given`);
    if (isEmpty(product)) parts.push(`"${product.productName}" has no files and no pin codes`);
  }
  if (!mailed) parts.push("no email address: the purchase mail was not sent");
  return parts.join("; ").slice(0, 1000);
}

async function queueShortageNotice(tx: DbTransaction, order: { id: string; number: number }, products: DigitalProductDelivery[], shopEmail: string, shopLocale: Locale) {
  const texts = getEmailMessages(shopLocale)["digital-shortage"];
  const number = String(order.number);
  const lines = products.flatMap((product) => {
    const name = clip(product.productName, 300) ?? "—";
    if (missingOf(product) > 0) return [texts.line(name, product.codes.length, product.quantity)];
    return isEmpty(product) ? [texts.empty(name)] : [];
  });
  await queueMail(tx, {
    idempotencyKey: digitalMailKeys.shortage(order.id),
    to: shopEmail,
    template: "message",
    locale: shopLocale,
    props: {
      subject: texts.subject(number),
      heading: texts.heading(number),
      paragraphs: [...lines, texts.action],
      action: { label: texts.button, url: `${getEnv().APP_URL}/admin/orders/${order.id}` },
    },
  });
}
