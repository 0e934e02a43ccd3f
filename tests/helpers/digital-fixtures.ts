// Orders of digital goods for the digital-* integration tests, written straight to the database
// in the state a test needs (paid or not, any status), and the cleanup that removes what
// delivery added around checkoutFixtures' products: codes given to orders (they would block
// deleting the orders), the purchase and shortage mails, the products' audit rows.
import { randomUUID } from "node:crypto";
import type { checkoutFixtures } from "@/lib/checkout/test-fixtures";
import { db } from "@/lib/db";
import type { OrderStatus, PaymentMethod, PaymentStatus } from "@/lib/db/generated/enums";
import { digitalMailKeys } from "@/lib/digital/deliver-digital-goods";

type Fixtures = ReturnType<typeof checkoutFixtures>;

export interface DigitalOrderOptions {
  paymentMethod: PaymentMethod;
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  quantity?: number;
  /** null: an order without an email address. */
  email?: string | null;
  locale?: string;
}

const UNIT_PRICE = 99000; // 990.00 RUB

export async function createDigitalOrder(fx: Fixtures, product: { id: string; name: string }, options: DigitalOrderOptions) {
  const email = options.email === undefined ? fx.email() : options.email;
  const quantity = options.quantity ?? 1;
  const customer = await db.customer.create({ data: { name: "Digital Buyer", email, emailNormalized: email?.toLowerCase() ?? null }, select: { id: true } });
  return db.order.create({
    data: {
      status: options.status ?? "UNCONFIRMED",
      paymentMethod: options.paymentMethod,
      paymentStatus: options.paymentStatus ?? (options.paymentMethod === "PREPAID" ? "PENDING" : "UNPAID"),
      customerId: customer.id,
      productId: product.id,
      customerName: "Digital Buyer",
      email,
      emailNormalized: email?.toLowerCase() ?? null,
      locale: options.locale ?? "ru",
      region: "RU",
      country: "RU",
      currency: "RUB",
      itemsTotal: UNIT_PRICE * quantity,
      total: UNIT_PRICE * quantity,
      idempotencyKey: `digital-${randomUUID()}`,
      items: { create: [{ productId: product.id, productName: product.name, quantity, unitPrice: UNIT_PRICE, total: UNIT_PRICE * quantity }] },
    },
    select: { id: true, publicId: true, number: true },
  });
}

export async function digitalTestCleanup(fx: Fixtures) {
  const products = await db.product.findMany({ where: { slug: { startsWith: `t-${fx.run}-` } }, select: { id: true } });
  const productIds = products.map((product) => product.id);
  const orders = await db.order.findMany({ where: { productId: { in: productIds } }, select: { id: true } });
  const keys = orders.flatMap((order) => [digitalMailKeys.purchase(order.id), digitalMailKeys.shortage(order.id)]);
  await db.pinCode.deleteMany({ where: { productId: { in: productIds } } });
  await db.mailMessage.deleteMany({ where: { idempotencyKey: { in: keys } } });
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE payload->>'idempotencyKey' = ANY(${keys}::text[])`;
  await db.auditLog.deleteMany({ where: { entityType: "product", entityId: { in: productIds } } });
  await fx.cleanup();
}
