// Test data for the checkout and order integration tests (tests/integration/checkout-*.test.ts,
// orders-*.test.ts): products with unique slugs, unique contacts, and a tracker that deletes
// everything a test file made. Reference rows every checkout needs (RUB/USD/EUR, the test
// currency XTS, the countries RU KZ DE US with the demo seed's values) are ensured idempotently
// and left in place: parallel test files share them.
import { randomInt, randomUUID } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import type { CheckoutFieldType, ConfirmationMode, ProductType, Region } from "@/lib/db/generated/enums";
import { mailKeys } from "./order-mails";

export const FIXTURE_COUNTRIES = [
  { code: "RU", region: "RU" as Region, phoneCode: "+7", phoneMask: "+7 (999) 999-99-99", postcodePattern: "^\\d{6}$", sortOrder: 0 },
  { code: "KZ", region: "CIS" as Region, phoneCode: "+7", phoneMask: "+7 (999) 999-99-99", postcodePattern: "^\\d{6}$", sortOrder: 1 },
  { code: "US", region: "WORLD" as Region, phoneCode: "+1", phoneMask: "+1 (999) 999-9999", postcodePattern: "^\\d{5}(-\\d{4})?$", sortOrder: 4 },
  { code: "DE", region: "WORLD" as Region, phoneCode: "+49", phoneMask: "+49 999 99999999", postcodePattern: "^\\d{5}$", sortOrder: 5 },
];

/** XTS is ISO 4217's code reserved for tests: its rates can be fixed here without touching real ones. */
export const TEST_CURRENCY = "XTS";
const RATES_VALID_FROM = new Date("2001-01-01T00:00:00.000Z");

export async function ensureCheckoutReferenceData() {
  await db.currency.createMany({
    data: [
      { code: "RUB", name: "Российский рубль", symbol: "₽" },
      { code: "USD", name: "US dollar", symbol: "$" },
      { code: "EUR", name: "Euro", symbol: "€" },
      { code: TEST_CURRENCY, name: "Test currency", symbol: "¤" },
    ],
    skipDuplicates: true,
  });
  for (const country of FIXTURE_COUNTRIES) {
    const { code, ...rest } = country;
    await db.country.upsert({ where: { code }, update: { ...rest, isEnabled: true }, create: country });
  }
  // 1 XTS = 0.5 USD = 0.4 EUR, direct pairs nobody else uses.
  for (const [toCurrency, rate] of [
    ["USD", "0.5"],
    ["EUR", "0.4"],
  ] as const) {
    await db.exchangeRate.createMany({ data: [{ fromCurrency: TEST_CURRENCY, toCurrency, rate, validFrom: RATES_VALID_FROM }], skipDuplicates: true });
  }
}

export interface FixtureProductOptions {
  type?: ProductType;
  currency?: string;
  isActive?: boolean;
  stock?: number | null;
  confirmationMode?: ConfirmationMode;
  codAllowed?: boolean;
  codCountries?: string[];
  payWhatYouWant?: boolean;
  /** Minor units per region; default RU 1,950.00 and CIS 2,050.00 (not sold in WORLD). */
  prices?: Partial<Record<Region, { price: number; minimumPrice?: number; compareAtPrice?: number }>>;
  tiers?: { region: Region; minQuantity: number; unitPrice: number }[];
  formFields?: { type: CheckoutFieldType; key: string; isRequired?: boolean; label?: string; validator?: string; options?: string[]; position?: number }[];
  /** Shipping rules of this product only (so shop-wide rules of other tests never apply). */
  shipping?: { method: "POST" | "COURIER" | "PICKUP_POINT"; country?: string; region?: Region; cost: number; freeFrom?: number; currency?: string }[];
  emailTexts?: { template: string; locale: string; subject?: string; body: string }[];
  confirmPageUrl?: string;
  thankYouPageUrl?: string;
  baseCost?: number;
}

/** Creates what a test file needs and removes it all in cleanup(). */
export function checkoutFixtures(label: string) {
  const run = `${label}-${randomUUID().slice(0, 8)}`;
  const productIds: string[] = [];
  let counter = 0;

  async function createProduct(options: FixtureProductOptions = {}) {
    const slug = `t-${run}-${++counter}`;
    const prices = options.prices ?? { RU: { price: 195000 }, CIS: { price: 205000 } }; // 1,950.00 / 2,050.00 RUB
    const product = await db.product.create({
      data: {
        slug,
        name: `Test watch ${slug}`,
        type: options.type ?? "PHYSICAL",
        currency: options.currency ?? "RUB",
        isActive: options.isActive ?? true,
        stock: options.stock === undefined ? 100 : options.stock,
        baseCost: options.baseCost ?? 70000, // 700.00 RUB
        confirmationMode: options.confirmationMode ?? "EMAIL_LINK",
        codAllowed: options.codAllowed ?? true,
        codCountries: options.codCountries ?? [],
        payWhatYouWant: options.payWhatYouWant ?? false,
        confirmPageUrl: options.confirmPageUrl,
        thankYouPageUrl: options.thankYouPageUrl,
        prices: { create: Object.entries(prices).map(([region, price]) => ({ region: region as Region, ...price })) },
        priceTiers: options.tiers ? { create: options.tiers } : undefined,
        formFields: options.formFields
          ? { create: options.formFields.map((field, index) => ({ ...field, isRequired: field.isRequired ?? false, position: field.position ?? index * 10 })) }
          : undefined,
        shippingRules: {
          create: (options.shipping ?? [{ method: "POST", country: "RU", cost: 30000, freeFrom: 500000 }]).map((rule, index) => ({
            name: `rule ${index}`,
            method: rule.method,
            country: rule.country,
            region: rule.region,
            cost: rule.cost,
            freeFrom: rule.freeFrom,
            currency: rule.currency ?? options.currency ?? "RUB",
          })),
        },
        emailTexts: options.emailTexts ? { create: options.emailTexts } : undefined,
      },
      select: { id: true, slug: true, name: true },
    });
    productIds.push(product.id);
    return product;
  }

  async function createBump(productId: string, offer: { price: number; currency?: string; quantity?: number; title?: string; stock?: number | null }) {
    const offerProduct = await createProduct({ stock: offer.stock });
    return db.upsell.create({
      data: {
        kind: "BUMP",
        offerProductId: offerProduct.id,
        title: offer.title ?? "Gift box",
        quantity: offer.quantity ?? 1,
        triggers: { create: { productId } },
        prices: { create: { currency: offer.currency ?? "RUB", price: offer.price } },
      },
      select: { id: true, offerProductId: true },
    });
  }

  /** A valid Russian mobile number nobody else uses in this run. */
  const phone = () =>
    `+7 916 ${String(randomInt(0, 10_000_000))
      .padStart(7, "0")
      .replace(/^(\d{3})(\d{2})(\d{2})$/, "$1-$2-$3")}`;
  const email = (name = "buyer") => `${name}-${++counter}-${run}@checkout.test`;
  const idempotencyKey = () => `key-${randomUUID()}`;
  const ip = () => `test-${run}-${++counter}`;

  /** A valid submission for a physical product in Russia, COD. */
  function input(product: string, overrides: Record<string, unknown> = {}, fields: Record<string, string> = {}) {
    return {
      product,
      idempotencyKey: idempotencyKey(),
      quantity: 1,
      country: "RU",
      paymentMethod: "COD",
      locale: "ru",
      ...overrides,
      fields: {
        fullName: "Иван Петров",
        phone: phone(),
        email: email(),
        postcode: "101000",
        city: "Москва",
        street: "ул. Ленина",
        house: "10",
        flat: "5",
        comment: "",
        terms: "on",
        ...fields,
      },
    };
  }

  async function cleanup() {
    if (productIds.length === 0) return;
    const orders = await db.order.findMany({
      where: { OR: [{ productId: { in: productIds } }, { items: { some: { productId: { in: productIds } } } }] },
      select: { id: true, customerId: true },
    });
    const orderIds = orders.map((order) => order.id);
    const customerIds = [...new Set(orders.map((order) => order.customerId))];
    await db.refusalRecord.deleteMany({ where: { orderId: { in: orderIds } } });
    await db.auditLog.deleteMany({ where: { entityType: "Order", entityId: { in: orderIds } } });
    const keys = orderIds.flatMap((id) => [mailKeys.confirm(id), mailKeys.accepted(id), mailKeys.shopNotice(id)]);
    await db.mailMessage.deleteMany({ where: { idempotencyKey: { in: keys } } });
    for (let start = 0; start < keys.length; start += 500) {
      const batch = keys.slice(start, start + 500);
      await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE payload->>'idempotencyKey' = ANY(${batch}::text[])`;
    }
    await db.order.updateMany({ where: { id: { in: orderIds } }, data: { duplicateOfId: null } });
    await db.order.deleteMany({ where: { id: { in: orderIds } } });
    await db.customer.deleteMany({ where: { id: { in: customerIds } } });
    await db.product.deleteMany({ where: { id: { in: productIds } } });
    const left = await db.product.count({ where: { slug: { startsWith: `t-${run}-` } } });
    if (left > 0) throw new Error(`cleanup left ${left} products of run ${run}`);
  }

  return { run, createProduct, createBump, phone, email, idempotencyKey, ip, input, cleanup };
}

/**
 * Row counts of everything an order writes, scoped to this run's products and contacts (other
 * test files write orders at the same time), to prove a refused submission wrote nothing.
 */
export async function countOrderWrites(scope: { run: string; productIds: string[]; phones?: string[]; emails?: string[] }) {
  const ofProducts = { productId: { in: scope.productIds } };
  const contacts = [...(scope.phones?.length ? [{ phoneNormalized: { in: scope.phones } }] : []), ...(scope.emails?.length ? [{ emailNormalized: { in: scope.emails } }] : [])];
  const [orders, items, changes, tokens, outbox, customers, products] = await Promise.all([
    db.order.count({ where: ofProducts }),
    db.orderItem.count({ where: ofProducts }),
    db.orderStatusChange.count({ where: { order: ofProducts } }),
    db.linkToken.count({ where: { order: ofProducts } }),
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "OutboxEvent" WHERE payload::text LIKE ${`%${scope.run}%`}`.then((rows) => Number(rows[0]?.count ?? 0)),
    contacts.length ? db.customer.count({ where: { OR: contacts } }) : 0,
    db.product.findMany({ where: { id: { in: scope.productIds } }, select: { id: true, stock: true, reserved: true }, orderBy: { id: "asc" } }),
  ]);
  return { orders, items, changes, tokens, outbox, customers, products };
}

/** Outbox rows of the mails of an order, by template. */
export async function outboxMailsOf(orderId: string) {
  const rows = await db.$queryRaw<{ id: string; payload: Prisma.JsonObject }[]>`
    SELECT id::text AS id, payload FROM "OutboxEvent"
    WHERE "jobName" = 'mail.send' AND payload->>'idempotencyKey' = ANY(${[mailKeys.confirm(orderId), mailKeys.accepted(orderId), mailKeys.shopNotice(orderId)]}::text[])`;
  return new Map(rows.map((row) => [String(row.payload.template), row.payload]));
}
