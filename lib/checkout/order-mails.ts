// The mails about an order (emails/order-confirm, order-accepted, order-new-shop-notice), queued
// in the caller's transaction so they leave only if the order change commits. One idempotency
// key per order and mail: however often a step is retried, each mail is sent once.
//
// Props come from the order row (prices as ordered), never from the product's current state,
// and are trimmed to what the templates accept: a merchant's over-long text must not make an
// order fail.
import type { DbTransaction } from "@/lib/db";
import type { ConfirmationMode, PaymentMethod } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { TSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { queueMail } from "@/lib/mail/queue-mail";
import type { TShopSettings } from "@/lib/settings/shop-settings";

export const orderMailSelect = {
  id: true,
  publicId: true,
  number: true,
  productId: true,
  locale: true,
  customerName: true,
  phone: true,
  emailNormalized: true,
  currency: true,
  itemsTotal: true,
  discountTotal: true,
  shippingTotal: true,
  total: true,
  paymentMethod: true,
  postcode: true,
  province: true,
  city: true,
  street: true,
  house: true,
  flat: true,
  customerComment: true,
  items: { select: { productName: true, quantity: true, total: true }, orderBy: { createdAt: "asc" } },
} as const;

export interface OrderMailData {
  id: string;
  publicId: string;
  number: number;
  productId: string;
  locale: string;
  customerName: string | null;
  phone: string | null;
  emailNormalized: string | null;
  currency: string;
  itemsTotal: number;
  discountTotal: number;
  shippingTotal: number;
  total: number;
  paymentMethod: PaymentMethod;
  postcode: string | null;
  province: string | null;
  city: string | null;
  street: string | null;
  house: string | null;
  flat: string | null;
  customerComment: string | null;
  items: { productName: string; quantity: number; total: number }[];
}

export interface ProductEmailTextValue {
  subject: string | null;
  body: string;
}

export const mailKeys = {
  confirm: (orderId: string) => `order-confirm:${orderId}`,
  accepted: (orderId: string) => `order-accepted:${orderId}`,
  shopNotice: (orderId: string) => `order-new-shop-notice:${orderId}`,
};

export const clip = (value: string | null | undefined, max: number): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max).trim() : undefined;
};

const localeOf = (order: Pick<OrderMailData, "locale">): Locale => (isLocale(order.locale) ? order.locale : "ru");

export function summary(order: OrderMailData) {
  return {
    orderNumber: String(order.number),
    currency: order.currency,
    items: order.items.map((item) => ({ name: clip(item.productName, 300) ?? "—", quantity: item.quantity, amount: item.total })),
    itemsTotal: order.itemsTotal,
    discount: order.discountTotal || undefined,
    shipping: order.shippingTotal || undefined,
    total: order.total,
  };
}

export function shopInfo(settings: TShopSettings) {
  return { name: clip(settings.shopName, 120), url: getEnv().APP_URL, supportEmail: settings.shopEmail };
}

/** The merchant's own wording (ProductEmailText) as template props: one-line subject, bounded text. */
function customText(text: ProductEmailTextValue | null | undefined) {
  if (!text) return {};
  const subject = clip(text.subject?.split(/[\r\n]/)[0], 200);
  return { customSubject: subject, customText: clip(text.body, 5000) };
}

/** The product's text for a mail in the order's language, if the merchant wrote one. */
export async function loadProductEmailText(tx: DbTransaction, productId: string, template: string, locale: string): Promise<ProductEmailTextValue | null> {
  return tx.productEmailText.findUnique({ where: { productId_template_locale: { productId, template, locale } }, select: { subject: true, body: true } });
}

export function orderPageUrl(publicId: string) {
  return `${getEnv().APP_URL}/order/${publicId}`;
}

/** The confirm-your-order mail (null without an email address). */
export function orderConfirmMail(
  order: OrderMailData,
  options: { confirmUrl: string; expiresAt: Date; settings: TShopSettings; text?: ProductEmailTextValue | null },
): TSendMailPayload | null {
  if (!order.emailNormalized) return null;
  return {
    idempotencyKey: mailKeys.confirm(order.id),
    to: order.emailNormalized,
    template: "order-confirm",
    locale: localeOf(order),
    props: {
      ...summary(order),
      shop: shopInfo(options.settings),
      customerName: clip(order.customerName, 200),
      confirmUrl: options.confirmUrl,
      expiresAt: options.expiresAt.toISOString(),
      ...customText(options.text),
    },
  };
}

/** The order-accepted mail (null without an email address). */
export function orderAcceptedMail(order: OrderMailData, options: { settings: TShopSettings; text?: ProductEmailTextValue | null }): TSendMailPayload | null {
  if (!order.emailNormalized) return null;
  return {
    idempotencyKey: mailKeys.accepted(order.id),
    to: order.emailNormalized,
    template: "order-accepted",
    locale: localeOf(order),
    props: {
      ...summary(order),
      shop: shopInfo(options.settings),
      customerName: clip(order.customerName, 200),
      paymentMethod: order.paymentMethod,
      orderUrl: orderPageUrl(order.publicId),
      ...customText(options.text),
    },
  };
}

/** The new-order notice to the shop. */
export function shopNoticeMail(order: OrderMailData, options: { settings: TShopSettings; confirmationMode?: ConfirmationMode }): TSendMailPayload {
  const address = [order.postcode, order.province, order.city, order.street, order.house, order.flat]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ");
  return {
    idempotencyKey: mailKeys.shopNotice(order.id),
    to: options.settings.shopEmail,
    template: "order-new-shop-notice",
    locale: options.settings.shopLocale,
    props: {
      ...summary(order),
      shop: shopInfo(options.settings),
      customer: {
        name: clip(order.customerName, 200) ?? clip(order.phone, 200) ?? order.emailNormalized ?? "—",
        phone: clip(order.phone, 40),
        email: order.emailNormalized ?? undefined,
      },
      address: clip(address, 500),
      comment: clip(order.customerComment, 5000),
      paymentMethod: order.paymentMethod,
      confirmation: options.confirmationMode,
      adminOrderUrl: `${getEnv().APP_URL}/admin/orders/${order.id}`,
    },
  };
}

export async function queueOrderAcceptedMail(tx: DbTransaction, order: OrderMailData, options: Parameters<typeof orderAcceptedMail>[1]) {
  const mail = orderAcceptedMail(order, options);
  if (mail) await queueMail(tx, mail);
}
