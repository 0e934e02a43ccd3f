// placeOrder against a real, migrated PostgreSQL: the order and everything around it written in
// one transaction, the mails leaving through the outbox and the real mail job, idempotency under
// concurrent submits, the duplicate rule, stock, and every bad input of issue 3 refused with the
// right field error and nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, countOrderWrites, ensureCheckoutReferenceData, outboxMailsOf } from "@/lib/checkout/test-fixtures";
import { normalizePhone } from "@/lib/customers/normalize-contact";
import { db, disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMailJob } from "@/lib/mail/jobs/send-mail";
import { createMailTransport, setMailTransport } from "@/lib/mail/transport";
import { confirmOrderByToken } from "@/lib/orders/confirm-order-by-token";
import { parseJobPayload } from "@/lib/queue/jobs";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { hashLinkToken } from "@/lib/tokens/link-token";

const fx = checkoutFixtures("place");
const context = () => ({ ip: fx.ip(), userAgent: "vitest" });

async function expectAppError(promise: Promise<unknown>, code: string, fieldErrors?: Record<string, string[]>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "expected an AppError").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
  return error as AppError;
}

/** Runs the real "mail.send" job on an outbox payload, as the worker would. */
async function deliver(payload: unknown) {
  const parsed = parseJobPayload(sendMailJob, payload);
  await sendMailJob.handle(parsed, { jobId: `test-${Math.random()}`, attempt: 1, log: () => {} });
  return db.mailMessage.findUniqueOrThrow({
    where: { idempotencyKey: parsed.idempotencyKey },
    select: { toAddress: true, subject: true, html: true, text: true, status: true, template: true },
  });
}

beforeAll(async () => {
  setMailTransport(createMailTransport({ from: "Lavka Test <shop@lavka.test>" }));
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await fx.cleanup();
  setMailTransport(null);
  await disconnectDb();
});

describe("placing a COD order that the customer confirms by email", () => {
  it("writes the order, history, token, reservation and mails; the link confirms it", async () => {
    const product = await fx.createProduct({
      stock: 10,
      emailTexts: [{ template: "order-confirm", locale: "ru", subject: "Подтвердите заказ часов", body: "Спасибо, что выбрали наши часы." }],
    });
    const submission = fx.input(product.slug, { quantity: 2 }, { phone: "8 (916) 555-01-02".replace("555-01-02", fx.phone().slice(-9)) });
    const result = await placeOrder(submission, { ip: fx.ip(), userAgent: "vitest", attribution: undefined });

    expect(result.created).toBe(true);
    expect(result.order).toMatchObject({ status: "UNCONFIRMED", currency: "RUB", total: 420000 }); // 2 × 1,950.00 + 300.00 shipping = 4,200.00 RUB
    expect(result.next).toEqual({ kind: "CONFIRM_EMAIL", url: `/order/${result.order.publicId}/check-email` });

    const order = await db.order.findUniqueOrThrow({
      where: { id: result.order.id },
      select: {
        status: true,
        paymentMethod: true,
        paymentStatus: true,
        itemsTotal: true,
        shippingTotal: true,
        discountTotal: true,
        total: true,
        region: true,
        country: true,
        phone: true,
        phoneNormalized: true,
        emailNormalized: true,
        customerId: true,
        shippingMethod: true,
        idempotencyKey: true,
        ip: true,
        userAgent: true,
        locale: true,
        city: true,
        items: { select: { kind: true, quantity: true, unitPrice: true, unitCost: true, total: true, productId: true } },
        statusChanges: { select: { fromStatus: true, toStatus: true, actorType: true, actorId: true, reason: true } },
      },
    });
    expect(order).toMatchObject({
      status: "UNCONFIRMED",
      paymentMethod: "COD",
      paymentStatus: "UNPAID",
      itemsTotal: 390000, // 2 × 1,950.00 RUB
      shippingTotal: 30000, // 300.00 RUB
      discountTotal: 0,
      total: 420000,
      region: "RU",
      country: "RU",
      shippingMethod: "POST",
      idempotencyKey: submission.idempotencyKey,
      locale: "ru",
      city: "Москва",
      userAgent: "vitest",
    });
    expect(order.phoneNormalized).toBe(normalizePhone(submission.fields.phone, "RU"));
    expect(order.items).toEqual([{ kind: "MAIN", quantity: 2, unitPrice: 195000, unitCost: 70000, total: 390000, productId: product.id }]);
    expect(order.statusChanges).toEqual([{ fromStatus: null, toStatus: "UNCONFIRMED", actorType: "CUSTOMER", actorId: order.customerId, reason: "placed on the checkout page" }]);

    const customer = await db.customer.findUniqueOrThrow({
      where: { id: order.customerId },
      select: { phoneNormalized: true, emailNormalized: true, name: true, phones: { select: { normalized: true } }, addresses: { select: { city: true } } },
    });
    expect(customer).toMatchObject({ phoneNormalized: order.phoneNormalized, emailNormalized: submission.fields.email.toLowerCase(), name: "Иван Петров" });
    expect(customer.phones).toEqual([{ normalized: order.phoneNormalized }]);
    expect(customer.addresses).toEqual([{ city: "Москва" }]);

    expect(await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, reserved: true } })).toEqual({ stock: 10, reserved: 2 });

    const tokens = await db.linkToken.findMany({ where: { orderId: order && result.order.id }, select: { purpose: true, tokenHash: true, expiresAt: true, usedAt: true, email: true } });
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    expect(token).toMatchObject({ purpose: "CONFIRM_ORDER", usedAt: null, email: order.emailNormalized });
    const ttlHours = (await getShopSettings()).confirmLinkTtlHours;
    expect(Math.abs(token.expiresAt.getTime() - (Date.now() + ttlHours * 3_600_000))).toBeLessThan(60_000);

    // The outbox holds the confirmation request and the shop's notice, nothing else yet.
    const mails = await outboxMailsOf(result.order.id);
    expect([...mails.keys()].sort()).toEqual(["order-confirm", "order-new-shop-notice"]);

    const confirmMail = await deliver(mails.get("order-confirm"));
    expect(confirmMail).toMatchObject({ status: "SENT", toAddress: order.emailNormalized, subject: "Подтвердите заказ часов", template: "order-confirm" });
    const link = new RegExp(`${getEnv().APP_URL}/order/confirm/([A-Za-z0-9_-]{43})`).exec(confirmMail.text);
    expect(link, confirmMail.text).not.toBeNull();
    expect(confirmMail.html).toContain(link![0]);
    expect(confirmMail.text).toContain("Спасибо, что выбрали наши часы.");
    expect(hashLinkToken(link![1]!)).toBe(token.tokenHash);

    const notice = await deliver(mails.get("order-new-shop-notice"));
    expect(notice.toAddress).toBe((mails.get("order-new-shop-notice") as { to: string }).to);
    expect(notice.text).toContain(`/admin/orders/${result.order.id}`);

    // The customer clicks the link: confirmed, by the customer, and the "accepted" mail follows.
    const confirmed = await confirmOrderByToken(link![1]!);
    expect(confirmed).toMatchObject({
      result: "CONFIRMED",
      order: { publicId: result.order.publicId, number: result.order.number, total: 420000, currency: "RUB", status: "CONFIRMED", productName: product.name },
    });
    const after = await db.order.findUniqueOrThrow({
      where: { id: result.order.id },
      select: { status: true, confirmedAt: true, statusChanges: { select: { fromStatus: true, toStatus: true, actorType: true, reason: true }, orderBy: { id: "asc" } } },
    });
    expect(after.status).toBe("CONFIRMED");
    expect(after.confirmedAt).toBeInstanceOf(Date);
    expect(after.statusChanges.at(-1)).toEqual({ fromStatus: "UNCONFIRMED", toStatus: "CONFIRMED", actorType: "CUSTOMER", reason: "confirmed by the link in the email" });
    expect((await db.linkToken.findFirstOrThrow({ where: { orderId: result.order.id }, select: { usedAt: true } })).usedAt).toBeInstanceOf(Date);

    const accepted = await deliver((await outboxMailsOf(result.order.id)).get("order-accepted"));
    expect(accepted).toMatchObject({ status: "SENT", toAddress: order.emailNormalized, template: "order-accepted" });
    expect(accepted.text).toContain(`/order/${result.order.publicId}`);

    // A second click changes nothing and says so.
    expect(await confirmOrderByToken(link![1]!)).toMatchObject({ result: "ALREADY_CONFIRMED", order: { status: "CONFIRMED" } });
    expect(await db.orderStatusChange.count({ where: { orderId: result.order.id } })).toBe(2);
  });

  it("does not send the mail twice when the job runs again", async () => {
    const product = await fx.createProduct();
    const { order } = await placeOrder(fx.input(product.slug), context());
    const payload = (await outboxMailsOf(order.id)).get("order-confirm");
    await deliver(payload);
    await deliver(payload);
    expect(await db.mailMessage.count({ where: { idempotencyKey: `order-confirm:${order.id}` } })).toBe(1);
  });
});

describe("confirmation modes and payment methods", () => {
  it("NONE confirms at once, mails 'accepted' and goes to the product's thank-you page", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE", thankYouPageUrl: "https://shop.example/thanks" });
    const result = await placeOrder(fx.input(product.slug), context());
    expect(result.order.status).toBe("CONFIRMED");
    expect(result.next).toEqual({ kind: "THANK_YOU", url: "https://shop.example/thanks" });
    const order = await db.order.findUniqueOrThrow({ where: { id: result.order.id }, select: { confirmedAt: true, statusChanges: { select: { fromStatus: true, toStatus: true } } } });
    expect(order.confirmedAt).toBeInstanceOf(Date);
    expect(order.statusChanges).toEqual([{ fromStatus: null, toStatus: "CONFIRMED" }]);
    expect([...(await outboxMailsOf(result.order.id)).keys()].sort()).toEqual(["order-accepted", "order-new-shop-notice"]);
    expect(await db.linkToken.count({ where: { orderId: result.order.id } })).toBe(0);
  });

  it("OPERATOR waits for a call: no link, only the shop's notice", async () => {
    const product = await fx.createProduct({ confirmationMode: "OPERATOR" });
    const result = await placeOrder(fx.input(product.slug), context());
    expect(result.order.status).toBe("UNCONFIRMED");
    expect(result.next).toEqual({ kind: "THANK_YOU", url: `/order/${result.order.publicId}` });
    expect([...(await outboxMailsOf(result.order.id)).keys()]).toEqual(["order-new-shop-notice"]);
    const notice = (await outboxMailsOf(result.order.id)).get("order-new-shop-notice") as { props: { confirmation: string } };
    expect(notice.props.confirmation).toBe("OPERATOR");
  });

  it("uses the product's confirm page URL when set", async () => {
    const product = await fx.createProduct({ confirmPageUrl: "https://shop.example/check-mail" });
    const result = await placeOrder(fx.input(product.slug), context());
    expect(result.next).toEqual({ kind: "CONFIRM_EMAIL", url: "https://shop.example/check-mail" });
  });

  it("takes courier cash where a courier rule exists, at the courier's price", async () => {
    const product = await fx.createProduct({
      shipping: [
        { method: "POST", country: "RU", cost: 30000 },
        { method: "COURIER", country: "RU", cost: 50000 },
      ],
    }); // 300.00 / 500.00 RUB
    const result = await placeOrder(fx.input(product.slug, { paymentMethod: "COURIER" }), context());
    expect(result.order.total).toBe(245000); // 1,950.00 + 500.00 RUB
    expect(await db.order.findUniqueOrThrow({ where: { id: result.order.id }, select: { shippingMethod: true, paymentMethod: true } })).toEqual({
      shippingMethod: "COURIER",
      paymentMethod: "COURIER",
    });
  });
});

describe("pricing on the server", () => {
  it("applies tiers, bumps and free shipping and ignores totals sent by the client", async () => {
    const product = await fx.createProduct({
      tiers: [{ region: "RU", minQuantity: 3, unitPrice: 180000 }], // 1,800.00 RUB from 3 units
      shipping: [{ method: "POST", country: "RU", cost: 30000, freeFrom: 500000 }], // free from 5,000.00 RUB
    });
    const bump = await fx.createBump(product.id, { price: 49000, quantity: 1 }); // 490.00 RUB
    const tampered = { ...fx.input(product.slug, { quantity: 3, bumpIds: [bump.id, bump.id] }), total: 100, itemsTotal: 100, unitPrice: 1, shippingTotal: 0 };
    const result = await placeOrder(tampered, context());
    expect(result.order.total).toBe(589000); // 3 × 1,800.00 + 490.00 = 5,890.00 RUB, shipping free
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.order.id },
      select: {
        itemsTotal: true,
        shippingTotal: true,
        items: { select: { kind: true, upsellId: true, productId: true, quantity: true, unitPrice: true, total: true }, orderBy: { kind: "asc" } },
      },
    });
    expect(order.itemsTotal).toBe(589000);
    expect(order.shippingTotal).toBe(0);
    expect(order.items).toEqual([
      { kind: "MAIN", upsellId: null, productId: product.id, quantity: 3, unitPrice: 180000, total: 540000 },
      { kind: "BUMP", upsellId: bump.id, productId: bump.offerProductId, quantity: 1, unitPrice: 49000, total: 49000 },
    ]);
    // The bump's own product is reserved too.
    expect((await db.product.findUniqueOrThrow({ where: { id: bump.offerProductId }, select: { reserved: true } })).reserved).toBe(1);
  });

  it("prices for the country's region and accepts a matching expected total", async () => {
    const product = await fx.createProduct({ shipping: [{ method: "POST", region: "CIS", cost: 60000 }] }); // 600.00 RUB to the CIS
    const result = await placeOrder(fx.input(product.slug, { country: "KZ", expectedTotal: 265000 }, { phone: "+7 701 123 45 67", postcode: "050000", city: "Алматы" }), context()); // 2,050.00 + 600.00
    expect(result.order.total).toBe(265000);
    expect(await db.order.findUniqueOrThrow({ where: { id: result.order.id }, select: { region: true, country: true, phoneNormalized: true } })).toEqual({
      region: "CIS",
      country: "KZ",
      phoneNormalized: "+77011234567",
    });
  });

  it("takes the shopper's amount with pay-what-you-want, defaulting to the suggested price", async () => {
    const product = await fx.createProduct({ payWhatYouWant: true, prices: { RU: { price: 100000, minimumPrice: 50000 } } }); // suggested 1,000.00, at least 500.00 RUB
    const chosen = await placeOrder(fx.input(product.slug, { payAmount: 75000 }), context()); // 750.00 RUB
    expect(chosen.order.total).toBe(105000); // 750.00 + 300.00 shipping
    const suggested = await placeOrder(fx.input(product.slug), context());
    expect(suggested.order.total).toBe(130000); // 1,000.00 + 300.00
  });

  it("does not ship digital goods", async () => {
    const product = await fx.createProduct({ type: "DIGITAL", stock: null, confirmationMode: "NONE" });
    const result = await placeOrder(fx.input(product.slug, {}, { postcode: "", city: "", street: "", house: "", flat: "" }), context());
    expect(result.order.total).toBe(195000);
    expect(await db.order.findUniqueOrThrow({ where: { id: result.order.id }, select: { shippingMethod: true, shippingTotal: true } })).toEqual({ shippingMethod: null, shippingTotal: 0 });
  });
});

describe("one order per idempotency key", () => {
  it("returns the same order to a resubmit", async () => {
    const product = await fx.createProduct();
    const submission = fx.input(product.slug);
    const first = await placeOrder(submission, context());
    const again = await placeOrder(submission, context());
    expect(again).toEqual({ ...first, created: false });
  });

  it("locks contacts with quotes as written (the locks are sent as SQL text with the BEGIN)", async () => {
    const product = await fx.createProduct();
    // An apostrophe is valid in an email's local part; the lock key is quoted, never cut short.
    const email = fx.email("o'neil");
    const submission = fx.input(product.slug, {}, { email });
    const results = await Promise.all(Array.from({ length: 3 }, () => placeOrder(submission, context())));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.order.count({ where: { productId: product.id } })).toBe(1);
    const order = await db.order.findUniqueOrThrow({ where: { id: results[0]!.order.id }, select: { emailNormalized: true } });
    expect(order.emailNormalized).toBe(email.toLowerCase());
  });

  it("makes one order from 10 concurrent submits", async () => {
    const product = await fx.createProduct({ stock: 50 });
    const submission = fx.input(product.slug, { quantity: 3 });
    const ip = fx.ip();
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder(submission, { ip })));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.order.id)).size).toBe(1);
    const orderId = results[0]!.order.id;
    expect(await db.order.count({ where: { productId: product.id } })).toBe(1);
    expect(await db.orderItem.count({ where: { orderId } })).toBe(1);
    expect(await db.orderStatusChange.count({ where: { orderId } })).toBe(1);
    expect(await db.linkToken.count({ where: { orderId } })).toBe(1);
    expect((await outboxMailsOf(orderId)).size).toBe(2);
    expect(await db.customer.count({ where: { phoneNormalized: normalizePhone(submission.fields.phone, "RU") } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { reserved: true } })).reserved).toBe(3);
  });
});

describe("customers and duplicates", () => {
  it("finds the customer by phone, then by email, adding the new contact", async () => {
    const [first, second, third] = [await fx.createProduct(), await fx.createProduct(), await fx.createProduct()];
    const phone = fx.phone();
    const email = fx.email("same");
    const a = await placeOrder(fx.input(first.slug, {}, { phone, email }), context());
    const otherEmail = fx.email("other");
    const b = await placeOrder(fx.input(second.slug, {}, { phone, email: otherEmail }), context()); // same phone
    const c = await placeOrder(fx.input(third.slug, {}, { phone: fx.phone(), email: email.toUpperCase() }), context()); // same email
    const customers = await db.order.findMany({ where: { id: { in: [a.order.id, b.order.id, c.order.id] } }, select: { customerId: true } });
    expect(new Set(customers.map((row) => row.customerId)).size).toBe(1);
    const customer = await db.customer.findUniqueOrThrow({
      where: { id: customers[0]!.customerId },
      select: { emails: { select: { normalized: true } }, phones: { select: { normalized: true } } },
    });
    expect(customer.emails.map((row) => row.normalized).sort()).toEqual([email, otherEmail].sort());
    expect(customer.phones).toHaveLength(2);
  });

  it("follows a merged customer to the one that survived", async () => {
    const product = await fx.createProduct();
    const phone = fx.phone();
    const first = await placeOrder(fx.input(product.slug, {}, { phone }), context());
    const { customerId } = await db.order.findUniqueOrThrow({ where: { id: first.order.id }, select: { customerId: true } });
    const survivor = await db.customer.create({ data: { name: "Survivor" }, select: { id: true } });
    await db.customer.update({ where: { id: customerId }, data: { mergedIntoId: survivor.id } });
    const other = await fx.createProduct();
    const second = await placeOrder(fx.input(other.slug, {}, { phone }), context());
    expect((await db.order.findUniqueOrThrow({ where: { id: second.order.id }, select: { customerId: true } })).customerId).toBe(survivor.id);
  });

  it("marks a same-phone order of the same product as a DUPLICATE of the open one", async () => {
    const product = await fx.createProduct({ stock: 10 });
    const phone = fx.phone();
    const first = await placeOrder(fx.input(product.slug, {}, { phone }), context());
    const second = await placeOrder(fx.input(product.slug, { quantity: 2 }, { phone: phone.replace("+7 ", "8 ") }), context());
    expect(second.order.status).toBe("DUPLICATE");
    expect(second.next.kind).toBe("THANK_YOU");
    const duplicate = await db.order.findUniqueOrThrow({
      where: { id: second.order.id },
      select: { duplicateOfId: true, statusChanges: { select: { fromStatus: true, toStatus: true, reason: true } } },
    });
    expect(duplicate.duplicateOfId).toBe(first.order.id);
    expect(duplicate.statusChanges).toEqual([{ fromStatus: null, toStatus: "DUPLICATE", reason: "placed on the checkout page" }]);
    // No confirmation link for a duplicate, no second reservation; the shop still hears of it.
    expect([...(await outboxMailsOf(second.order.id)).keys()]).toEqual(["order-new-shop-notice"]);
    expect(await db.linkToken.count({ where: { orderId: second.order.id } })).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { reserved: true } })).reserved).toBe(1);

    // Same email is enough too; another product is not a duplicate.
    const email = (await db.order.findUniqueOrThrow({ where: { id: first.order.id }, select: { email: true } })).email!;
    expect((await placeOrder(fx.input(product.slug, {}, { email }), context())).order.status).toBe("DUPLICATE");
    const other = await fx.createProduct();
    expect((await placeOrder(fx.input(other.slug, {}, { phone }), context())).order.status).toBe("UNCONFIRMED");
  });

  it("does not count a cancelled order", async () => {
    const product = await fx.createProduct();
    const phone = fx.phone();
    const first = await placeOrder(fx.input(product.slug, {}, { phone }), context());
    await db.order.update({ where: { id: first.order.id }, data: { status: "CANCELLED" } });
    expect((await placeOrder(fx.input(product.slug, {}, { phone }), context())).order.status).toBe("UNCONFIRMED");
  });

  it("lets one of two simultaneous same-phone orders through and marks the other", async () => {
    const product = await fx.createProduct();
    const phone = fx.phone();
    const results = await Promise.all([placeOrder(fx.input(product.slug, {}, { phone }), context()), placeOrder(fx.input(product.slug, {}, { phone }), context())]);
    expect(results.map((result) => result.order.status).sort()).toEqual(["DUPLICATE", "UNCONFIRMED"]);
    expect(await db.customer.count({ where: { phoneNormalized: normalizePhone(phone, "RU") } })).toBe(1);
  });
});

describe("stock", () => {
  it("refuses more than is left, and sells the last unit once under a race", async () => {
    const product = await fx.createProduct({ stock: 1 });
    await expectAppError(placeOrder(fx.input(product.slug, { quantity: 2 }), context()), "VALIDATION", { quantity: ["checkoutErrors.outOfStock"] });
    const results = await Promise.allSettled([placeOrder(fx.input(product.slug), context()), placeOrder(fx.input(product.slug), context())]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(AppError);
    expect((failure.reason as AppError).fieldErrors).toEqual({ quantity: ["checkoutErrors.outOfStock"] });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, reserved: true } })).toEqual({ stock: 1, reserved: 1 });
    expect(await db.order.count({ where: { productId: product.id } })).toBe(1);
  });

  it("leaves untracked stock alone", async () => {
    const product = await fx.createProduct({ stock: null });
    await placeOrder(fx.input(product.slug, { quantity: 99 }), context());
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, reserved: true } })).toEqual({ stock: null, reserved: 0 });
  });
});

describe("bad input: a clear error and nothing written", () => {
  let product: { id: string; slug: string };
  let pwyw: { id: string; slug: string };
  let codRuOnly: { id: string; slug: string };
  let inactive: { id: string; slug: string };
  let bumpId: string;

  beforeAll(async () => {
    product = await fx.createProduct({ stock: 5 });
    pwyw = await fx.createProduct({ payWhatYouWant: true, prices: { RU: { price: 100000, minimumPrice: 50000 } } }); // 1,000.00, at least 500.00 RUB
    codRuOnly = await fx.createProduct({ codCountries: ["RU"] });
    inactive = await fx.createProduct({ isActive: false });
    bumpId = (await fx.createBump(product.id, { price: 49000 })).id;
  });

  type Case = [name: string, build: () => unknown, code: string, fieldErrors?: Record<string, string[]>];
  const cases: Case[] = [
    ["an invalid phone", () => fx.input(product.slug, {}, { phone: "+7 916 12" }), "VALIDATION", { phone: ["checkoutErrors.phoneInvalid"] }],
    ["letters for a phone", () => fx.input(product.slug, {}, { phone: "call me" }), "VALIDATION", { phone: ["checkoutErrors.phoneInvalid"] }],
    ["an invalid email", () => fx.input(product.slug, {}, { email: "ivan@" }), "VALIDATION", { email: ["checkoutErrors.emailInvalid"] }],
    ["a missing email when the link must be emailed", () => fx.input(product.slug, {}, { email: "" }), "VALIDATION", { email: ["checkoutErrors.required"] }],
    ["a postcode of the wrong shape", () => fx.input(product.slug, {}, { postcode: "1010" }), "VALIDATION", { postcode: ["checkoutErrors.postcodeInvalid"] }],
    ["a missing name", () => fx.input(product.slug, {}, { fullName: "  " }), "VALIDATION", { fullName: ["checkoutErrors.required"] }],
    ["terms not accepted", () => fx.input(product.slug, {}, { terms: "" }), "VALIDATION", { terms: ["checkoutErrors.termsRequired"] }],
    ["an oversized value", () => fx.input(product.slug, {}, { comment: "x".repeat(5001) }), "VALIDATION", { comment: ["checkoutErrors.tooLong"] }],
    ["quantity 0", () => fx.input(product.slug, { quantity: 0 }), "VALIDATION", { quantity: ["checkoutErrors.quantityInvalid"] }],
    ["quantity 100", () => fx.input(product.slug, { quantity: 100 }), "VALIDATION", { quantity: ["checkoutErrors.quantityInvalid"] }],
    ["a fractional quantity", () => fx.input(product.slug, { quantity: 1.5 }), "VALIDATION", { quantity: ["checkoutErrors.quantityInvalid"] }],
    ["a quantity that is not a number", () => fx.input(product.slug, { quantity: "two" }), "VALIDATION", { quantity: ["checkoutErrors.quantityInvalid"] }],
    ["more than is in stock", () => fx.input(product.slug, { quantity: 6 }), "VALIDATION", { quantity: ["checkoutErrors.outOfStock"] }],
    ["a price below the minimum", () => fx.input(pwyw.slug, { payAmount: 49999 }), "VALIDATION", { payAmount: ["checkoutErrors.amountBelowMinimum"] }], // 499.99 < 500.00 RUB
    ["a negative price", () => fx.input(pwyw.slug, { payAmount: -1 }), "VALIDATION", { payAmount: ["checkoutErrors.amountInvalid"] }],
    ["an unknown product", () => fx.input("no-such-product-anywhere"), "NOT_FOUND"],
    ["a disabled product", () => fx.input(inactive.slug), "NOT_FOUND"],
    ["COD where it is not allowed", () => fx.input(codRuOnly.slug, { country: "KZ" }, { phone: "+7 701 123 45 67" }), "VALIDATION", { paymentMethod: ["checkoutErrors.codNotAllowed"] }],
    ["card payment while Stripe is off", () => fx.input(product.slug, { paymentMethod: "PREPAID" }), "VALIDATION", { paymentMethod: ["checkoutErrors.paymentMethodNotAllowed"] }],
    ["courier where no courier goes", () => fx.input(product.slug, { paymentMethod: "COURIER" }), "VALIDATION", { paymentMethod: ["checkoutErrors.paymentMethodNotAllowed"] }],
    ["an unknown payment method", () => fx.input(product.slug, { paymentMethod: "BARTER" }), "VALIDATION", { paymentMethod: ["checkoutErrors.paymentMethodInvalid"] }],
    [
      "a country the product is not sold in",
      () => fx.input(product.slug, { country: "DE" }, { phone: "+49 30 12345678", postcode: "10115" }),
      "VALIDATION",
      { country: ["checkoutErrors.countryNotAvailable"] },
    ],
    ["a malformed country", () => fx.input(product.slug, { country: "Russia" }), "VALIDATION", { country: ["checkoutErrors.countryInvalid"] }],
    ["tampered totals", () => fx.input(product.slug, { expectedTotal: 100 }), "VALIDATION", { total: ["checkoutErrors.totalChanged"] }],
    ["a missing idempotency key", () => ({ ...fx.input(product.slug), idempotencyKey: undefined }), "VALIDATION", { idempotencyKey: ["checkoutErrors.idempotencyKeyMissing"] }],
    ["a short idempotency key", () => fx.input(product.slug, { idempotencyKey: "abc" }), "VALIDATION", { idempotencyKey: ["checkoutErrors.idempotencyKeyMissing"] }],
    ["an unknown order bump", () => fx.input(product.slug, { bumpIds: ["nope"] }), "VALIDATION", { bumpIds: ["checkoutErrors.bumpUnknown"] }],
    ["another product's bump", () => fx.input(pwyw.slug, { bumpIds: [bumpId] }), "VALIDATION", { bumpIds: ["checkoutErrors.bumpUnknown"] }],
    ["an unknown locale", () => fx.input(product.slug, { locale: "fr" }), "VALIDATION", { locale: ["checkoutErrors.localeInvalid"] }],
    ["fields that are not text", () => ({ ...fx.input(product.slug), fields: { phone: 79161234501 } }), "VALIDATION", { phone: ["checkoutErrors.invalid"] }],
    ["no body at all", () => null, "VALIDATION"],
    ["a string body", () => "order please", "VALIDATION"],
  ];

  it.each(cases)("%s", async (_name, build, code, fieldErrors) => {
    const submission = build();
    const fields = (submission as { fields?: Record<string, unknown> } | null)?.fields ?? {};
    const scope = {
      run: fx.run,
      productIds: [product.id, pwyw.id, codRuOnly.id, inactive.id],
      phones: [normalizePhone(String(fields.phone ?? ""), "RU")].filter((phone): phone is string => Boolean(phone)),
      emails: [String(fields.email ?? "").toLowerCase()].filter(Boolean),
    };
    const before = await countOrderWrites(scope);
    await expectAppError(placeOrder(submission, context()), code, fieldErrors);
    expect(await countOrderWrites(scope)).toEqual(before);
  });

  it("reports every bad field at once", async () => {
    const error = await expectAppError(placeOrder(fx.input(product.slug, {}, { phone: "1", email: "x", postcode: "y" }), context()), "VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["email", "phone", "postcode"]);
  });

  it("limits submissions per IP", async () => {
    const ip = fx.ip();
    const limit = getEnv().CHECKOUT_RATE_LIMIT_PER_MINUTE;
    const outcomes = await Promise.allSettled(Array.from({ length: limit + 1 }, () => placeOrder(null, { ip })));
    const codes = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as AppError).code : "OK"));
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(1);
  });
});
