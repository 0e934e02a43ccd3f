// Demo data for a fresh database: the seed systems' products, employees of every role, two
// partners (one recruited by the other) and orders in various statuses. Loaded by `npm start`
// on an empty embedded database and by `npm run db:seed`. The passwords are public: demo only.
import { hashPassword } from "../lib/auth/password";
import { createDbClient, type DbTransaction } from "../lib/db";
import type { OrderStatus, PaymentMethod, Region, Role } from "../lib/db/generated/enums";
import { queueMail } from "../lib/mail/queue-mail";
import { STATUS_TIMESTAMP_FIELD, stockHolding } from "../lib/orders/transitions";
import { createRatesMap } from "../lib/pricing/rates-map";
import { refreshCustomerRevenue } from "../lib/crm/customers/refresh-customer-revenue";
import { seedDemoDeals } from "./seed-demo-deals";
import { seedDemoMarketing } from "./seed-demo-marketing";
import { seedDemoDiscounts } from "./seed-demo-discounts";
import { seedDemoCoOwners } from "./seed-demo-coowners";
import { seedDemoMailings } from "./seed-demo-mailings";
import { seedDemoRequisites } from "./seed-demo-requisites";

export const DEMO_ACCOUNTS = [
  { label: "Owner", signInPath: "/signin", identifier: "owner@lavka.local", password: "lavka-owner", role: "OWNER" as Role, name: "Анна Владелец" },
  { label: "Manager", signInPath: "/signin", identifier: "manager@lavka.local", password: "lavka-manager", role: "MANAGER" as Role, name: "Максим Менеджер" },
  { label: "Operator", signInPath: "/signin", identifier: "operator@lavka.local", password: "lavka-operator", role: "OPERATOR" as Role, name: "Ольга Оператор" },
  { label: "Logistics", signInPath: "/signin", identifier: "logistics@lavka.local", password: "lavka-logistics", role: "LOGISTICS" as Role, name: "Лев Логист" },
  { label: "Accountant", signInPath: "/signin", identifier: "accountant@lavka.local", password: "lavka-accountant", role: "ACCOUNTANT" as Role, name: "Борис Бухгалтер" },
  { label: "Partner", signInPath: "/partners/signin", identifier: "alpha", password: "lavka-partner", role: undefined, name: "Alpha Traffic" },
  { label: "Partner (recruited)", signInPath: "/partners/signin", identifier: "beta", password: "lavka-partner", role: undefined, name: "Beta Media" },
] as const;

export async function isDatabaseEmpty(databaseUrl: string) {
  const db = createDbClient(databaseUrl, 2);
  try {
    return (await db.user.count()) === 0;
  } finally {
    await db.$disconnect();
  }
}

export async function seedDemo(databaseUrl: string) {
  // One transaction seeds it all (never half a demo); on a busy machine that takes seconds.
  const db = createDbClient(databaseUrl, 4, { transactionTimeoutMs: 120_000 });
  try {
    for (const account of DEMO_ACCOUNTS) {
      if (!account.role) continue;
      await db.user.upsert({
        where: { email: account.identifier },
        update: {},
        create: { email: account.identifier, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
      });
    }
    const partnerHash = await hashPassword("lavka-partner");
    const alpha = await db.partner.upsert({
      where: { login: "alpha" },
      update: {},
      create: {
        login: "alpha",
        email: "alpha@partners.lavka.local",
        name: "Alpha Traffic",
        passwordHash: partnerHash,
        status: "ACTIVE",
        emailVerifiedAt: new Date(),
        postbackUrl: "http://127.0.0.1:9/postback?order={order_id}&status={status}&payout={payout}",
      },
    });
    await db.partner.upsert({
      where: { login: "beta" },
      update: {},
      create: {
        login: "beta",
        email: "beta@partners.lavka.local",
        name: "Beta Media",
        passwordHash: partnerHash,
        status: "ACTIVE",
        emailVerifiedAt: new Date(),
        parentId: alpha.id,
      },
    });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@lavka.local" }, select: { id: true, email: true, name: true } });
    const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
    await db.$transaction(async (tx) => {
      await seedCatalog(tx);
      const customerIds = await seedOrders(tx, alpha.id);
      // The demo's bought-out revenue, as changeOrderStatus would have kept it.
      await refreshCustomerRevenue(customerIds, { tx, rates: createRatesMap(RATES, Object.fromEntries(CURRENCIES.map((currency) => [currency.code, 2]))) });
      await seedDemoDeals(tx);
      await seedDemoMarketing(tx);
      await seedDemoDiscounts(tx);
      await seedDemoCoOwners(tx);
      await seedDemoMailings(tx, owner.id);
      await seedDemoRequisites(tx);
      // Goes out like every mail: outbox → queue → worker → transport (captured by default).
      await queueMail(tx, {
        idempotencyKey: `demo-welcome:${owner.id}`,
        to: owner.email,
        template: "message",
        locale: "ru",
        props: {
          subject: "Добро пожаловать в Лавку",
          heading: `Здравствуйте, ${owner.name}!`,
          paragraphs: [
            "Это демо-магазин Лавки: товары, заказы в разных статусах и два партнёра уже созданы.",
            "Письма сейчас перехватываются и видны в админке, в разделе «Отправленные письма». Задайте SMTP_URL, чтобы отправлять их по-настоящему.",
          ],
          action: { label: "Открыть админку", url: `${appUrl}/admin` },
        },
      });
    });
  } finally {
    await db.$disconnect();
  }
}

const CURRENCIES = [
  { code: "RUB", name: "Российский рубль", symbol: "₽", sortOrder: 0 },
  { code: "USD", name: "US dollar", symbol: "$", sortOrder: 1 },
  { code: "EUR", name: "Euro", symbol: "€", sortOrder: 2 },
  { code: "KZT", name: "Қазақ теңгесі", symbol: "₸", sortOrder: 3 },
  { code: "BYN", name: "Беларускі рубель", symbol: "Br", sortOrder: 4 },
];

// 1 unit of `from` = `rate` units of `to` (exact decimals, as strings).
const RATES = [
  { fromCurrency: "USD", toCurrency: "RUB", rate: "30.0000000000" },
  { fromCurrency: "EUR", toCurrency: "RUB", rate: "33.5000000000" },
  { fromCurrency: "RUB", toCurrency: "KZT", rate: "5.9000000000" },
  { fromCurrency: "RUB", toCurrency: "BYN", rate: "0.0335000000" },
];

const COUNTRIES: { code: string; region: Region; phoneCode: string; phoneMask: string; postcodePattern?: string }[] = [
  { code: "RU", region: "RU", phoneCode: "+7", phoneMask: "+7 (999) 999-99-99", postcodePattern: "^\\d{6}$" },
  { code: "KZ", region: "CIS", phoneCode: "+7", phoneMask: "+7 (999) 999-99-99", postcodePattern: "^\\d{6}$" },
  { code: "BY", region: "CIS", phoneCode: "+375", phoneMask: "+375 (99) 999-99-99", postcodePattern: "^\\d{6}$" },
  { code: "UA", region: "CIS", phoneCode: "+380", phoneMask: "+380 (99) 999-99-99", postcodePattern: "^\\d{5}$" },
  { code: "US", region: "WORLD", phoneCode: "+1", phoneMask: "+1 (999) 999-9999", postcodePattern: "^\\d{5}(-\\d{4})?$" },
  { code: "DE", region: "WORLD", phoneCode: "+49", phoneMask: "+49 999 99999999", postcodePattern: "^\\d{5}$" },
];

// The seed systems' products; prices per region in kopecks (minor units of RUB).
export const DEMO_PRODUCTS = [
  {
    slug: "casio-g-shock",
    name: "Casio G-SHOCK",
    description: "Противоударные часы с подсветкой, водозащита 200 м.",
    baseCost: 70000, // 700.00 RUB
    stock: 120,
    prices: { RU: 195000, CIS: 205000, WORLD: 195000 }, // 1,950.00 RUB (65 USD at 30 RUB/USD)
    commission: { kind: "FIXED" as const, value: 40000 }, // 400.00 RUB to the partner
  },
  {
    slug: "diesel-predator-led",
    name: "DIESEL: «Хищник» (с LED подсветкой)",
    description: "Мужские часы DIESEL с LED подсветкой циферблата.",
    baseCost: 45000, // 450.00 RUB
    stock: 80,
    prices: { RU: 129000, CIS: 139000, WORLD: 149000 }, // 1,290.00 RUB
    commission: undefined,
  },
  {
    slug: "rolex-daytona-mechanical",
    name: "ROLEX DAYTONA (механические)",
    description: "Механические часы с автоподзаводом, стальной браслет.",
    baseCost: 90000, // 900.00 RUB
    stock: 40,
    prices: { RU: 245000, CIS: 255000, WORLD: 265000 }, // 2,450.00 RUB
    commission: { kind: "PERCENT" as const, value: 2500 }, // 25 %
  },
];

async function seedCatalog(tx: DbTransaction) {
  for (const currency of CURRENCIES) await tx.currency.upsert({ where: { code: currency.code }, update: {}, create: currency });
  const validFrom = new Date("2026-01-01T00:00:00Z");
  for (const rate of RATES) {
    await tx.exchangeRate.upsert({
      where: { fromCurrency_toCurrency_validFrom: { fromCurrency: rate.fromCurrency, toCurrency: rate.toCurrency, validFrom } },
      update: {},
      create: { ...rate, validFrom },
    });
  }
  for (const [index, country] of COUNTRIES.entries()) {
    await tx.country.upsert({ where: { code: country.code }, update: {}, create: { ...country, sortOrder: index } });
  }
  // Program defaults: 20 % to the partner, 5 % to the partner who recruited them.
  await tx.commissionDefault.upsert({ where: { level: 0 }, update: {}, create: { level: 0, kind: "PERCENT", value: 2000 } });
  await tx.commissionDefault.upsert({ where: { level: 1 }, update: {}, create: { level: 1, kind: "PERCENT", value: 500 } });

  // Russian Post across Russia, dearer to the CIS and the rest of the world; free from 5,000 RUB.
  if ((await tx.shippingRule.count()) === 0) {
    await tx.shippingRule.createMany({
      data: [
        { name: "Почта России", method: "POST", region: "RU", cost: 30000, currency: "RUB", freeFrom: 500000 }, // 300.00 RUB
        { name: "Почта (СНГ)", method: "POST", region: "CIS", cost: 60000, currency: "RUB" }, // 600.00 RUB
        { name: "International post", method: "POST", region: "WORLD", cost: 150000, currency: "RUB" }, // 1,500.00 RUB
        { name: "Курьер по Москве", method: "COURIER", country: "RU", cost: 50000, currency: "RUB", freeFrom: 1000000 }, // 500.00 RUB
      ],
    });
  }

  for (const [index, product] of DEMO_PRODUCTS.entries()) {
    const created = await tx.product.upsert({
      where: { slug: product.slug },
      update: {},
      create: {
        slug: product.slug,
        name: product.name,
        description: product.description,
        currency: "RUB",
        baseCost: product.baseCost,
        stock: product.stock,
        codAllowed: true,
        codCountries: ["RU", "KZ", "BY"],
        confirmationMode: "EMAIL_LINK",
        rewardTrigger: index === 2 ? "BUYOUT" : "APPROVAL",
        sortOrder: index,
      },
    });
    for (const [region, price] of Object.entries(product.prices) as [Region, number][]) {
      await tx.productPrice.upsert({
        where: { productId_region: { productId: created.id, region } },
        update: {},
        create: { productId: created.id, region, price },
      });
    }
    if (product.commission) {
      await tx.productCommission.upsert({
        where: { productId_level: { productId: created.id, level: 0 } },
        update: {},
        create: { productId: created.id, level: 0, ...product.commission },
      });
    }
  }
}

const DEMO_ORDERS: {
  customer: string;
  phone: string;
  email: string;
  city: string;
  product: number;
  quantity: number;
  status: OrderStatus;
  method: PaymentMethod;
  partner: boolean;
  daysAgo: number;
}[] = [
  {
    customer: "Иван Петров",
    phone: "+79161234501",
    email: "ivan.petrov@example.ru",
    city: "Москва",
    product: 0,
    quantity: 1,
    status: "UNCONFIRMED",
    method: "COD",
    partner: true,
    daysAgo: 0,
  },
  { customer: "Мария Смирнова", phone: "+79161234502", email: "maria.s@example.ru", city: "Казань", product: 1, quantity: 2, status: "CONFIRMED", method: "COD", partner: true, daysAgo: 1 },
  {
    customer: "Алексей Кузнецов",
    phone: "+79161234503",
    email: "a.kuznetsov@example.ru",
    city: "Самара",
    product: 2,
    quantity: 1,
    status: "SHIPPED",
    method: "COD",
    partner: false,
    daysAgo: 4,
  },
  {
    customer: "Елена Попова",
    phone: "+79161234504",
    email: "elena.popova@example.ru",
    city: "Пермь",
    product: 0,
    quantity: 1,
    status: "DELIVERED",
    method: "COD",
    partner: true,
    daysAgo: 7,
  },
  { customer: "Дмитрий Соколов", phone: "+79161234505", email: "d.sokolov@example.ru", city: "Тула", product: 1, quantity: 1, status: "PAID", method: "COD", partner: true, daysAgo: 12 },
  { customer: "Ольга Морозова", phone: "+79161234506", email: "olga.m@example.ru", city: "Омск", product: 2, quantity: 1, status: "CANCELLED", method: "COD", partner: false, daysAgo: 3 },
  { customer: "Сергей Волков", phone: "+79161234507", email: "s.volkov@example.ru", city: "Уфа", product: 0, quantity: 1, status: "RETURNED", method: "COD", partner: true, daysAgo: 20 },
  { customer: "Анна Лебедева", phone: "+79161234508", email: "anna.l@example.ru", city: "Сочи", product: 1, quantity: 1, status: "PAID", method: "PREPAID", partner: false, daysAgo: 2 },
];

// The statuses an order passed through to reach `status`, in order.
const PATHS: Record<OrderStatus, OrderStatus[]> = {
  UNCONFIRMED: ["UNCONFIRMED"],
  CONFIRMED: ["UNCONFIRMED", "CONFIRMED"],
  SHIPPED: ["UNCONFIRMED", "CONFIRMED", "SHIPPED"],
  DELIVERED: ["UNCONFIRMED", "CONFIRMED", "SHIPPED", "DELIVERED"],
  HANDED: ["UNCONFIRMED", "CONFIRMED", "SHIPPED", "DELIVERED", "HANDED"],
  PAID: ["UNCONFIRMED", "CONFIRMED", "SHIPPED", "DELIVERED", "HANDED", "PAID"],
  CANCELLED: ["UNCONFIRMED", "CANCELLED"],
  RETURNED: ["UNCONFIRMED", "CONFIRMED", "SHIPPED", "DELIVERED", "RETURNED"],
  DUPLICATE: ["DUPLICATE"],
  SPAM: ["SPAM"],
};

/** The demo orders (once); returns the ids of their customers. */
async function seedOrders(tx: DbTransaction, partnerId: string): Promise<string[]> {
  if ((await tx.order.count()) > 0) return [];
  const customerIds: string[] = [];
  const products = await tx.product.findMany({ where: { slug: { in: DEMO_PRODUCTS.map((p) => p.slug) } }, select: { id: true, slug: true, name: true, baseCost: true } });
  const bySlug = new Map(products.map((product) => [product.slug, product]));
  const now = Date.now();
  for (const [index, demo] of DEMO_ORDERS.entries()) {
    const spec = DEMO_PRODUCTS[demo.product]!;
    const product = bySlug.get(spec.slug)!;
    const unitPrice = spec.prices.RU;
    const createdAt = new Date(now - demo.daysAgo * 24 * 3600 * 1000 - index * 60_000);
    const customer = await tx.customer.create({
      data: {
        name: demo.customer,
        phone: demo.phone,
        phoneNormalized: demo.phone,
        email: demo.email,
        emailNormalized: demo.email,
        region: "RU",
        country: "RU",
        source: "checkout",
        createdAt,
      },
    });
    const path = PATHS[demo.status];
    const timestamps: Record<string, Date> = {};
    path.forEach((status, step) => {
      const field = (STATUS_TIMESTAMP_FIELD as Partial<Record<OrderStatus, string>>)[status];
      if (field) timestamps[field] = new Date(createdAt.getTime() + step * 6 * 3600 * 1000);
    });
    // Keep stock as the checkout would have left it: reserved while unshipped, taken once shipped.
    const holding = stockHolding(demo.status);
    await tx.product.update({
      where: { id: product.id },
      data: { reserved: { increment: holding.reserved * demo.quantity }, stock: { decrement: holding.taken * demo.quantity } },
    });
    const itemsTotal = unitPrice * demo.quantity;
    const shippingTotal = 30000; // 300.00 RUB: the RU post rule above
    await tx.order.create({
      data: {
        status: demo.status,
        statusChangedAt: createdAt,
        paymentMethod: demo.method,
        paymentStatus: demo.status === "PAID" ? "PAID" : "UNPAID",
        customerId: customer.id,
        productId: product.id,
        customerName: demo.customer,
        phone: demo.phone,
        phoneNormalized: demo.phone,
        email: demo.email,
        emailNormalized: demo.email,
        region: "RU",
        country: "RU",
        postcode: "101000",
        city: demo.city,
        street: "ул. Ленина",
        house: String(10 + index),
        currency: "RUB",
        itemsTotal,
        shippingMethod: "POST",
        shippingTotal,
        total: itemsTotal + shippingTotal,
        partnerId: demo.partner ? partnerId : null,
        sub1: demo.partner ? "vk" : null,
        source: "checkout",
        trackingNumber: timestamps.shippedAt ? `8010${String(index).padStart(10, "0")}` : null,
        createdAt,
        ...timestamps,
        items: {
          create: [{ productId: product.id, productName: product.name, quantity: demo.quantity, unitPrice, unitCost: product.baseCost, total: itemsTotal, createdAt }],
        },
        statusChanges: {
          create: path.map((status, step) => ({
            fromStatus: step === 0 ? null : path[step - 1],
            toStatus: status,
            actorType: step === 0 ? ("CUSTOMER" as const) : ("SYSTEM" as const),
            reason: step === 0 ? "placed on the checkout page" : "demo data",
            createdAt: new Date(createdAt.getTime() + step * 6 * 3600 * 1000),
          })),
        },
      },
    });
    customerIds.push(customer.id);
  }
  return customerIds;
}
