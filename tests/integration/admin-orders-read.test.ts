// The admin order list, tab counts and order page loader against a real PostgreSQL. Every query
// is scoped to this run's own product, so orders other test files create meanwhile never count.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { countOrdersByStatus, listOrders, NO_PARTNER, orderFilterWhere, type OrderListItem, type TOrderFilters, ZOrderFilters } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";

const run = randomUUID().slice(0, 8);
const ids: Record<string, string> = {};
const numbers: Record<string, number> = {};
let productId = "";
let partnerId = "";
let userId = "";
const customerIds: string[] = [];

interface Spec {
  key: string;
  name: string;
  phone: string;
  email: string;
  status: OrderStatus;
  method: PaymentMethod;
  createdAt: string;
  partner?: boolean;
  duplicateOf?: string;
}

// 2020-06-03T21:00Z is 2020-06-04 00:00 in Moscow: D, E and F share that instant (a keyset tie).
const SPECS: Spec[] = [
  { key: "A", name: "Иван Тестов", phone: "+79161112233", email: `Ivan.T-${run}@example.test`, status: "UNCONFIRMED", method: "COD", createdAt: "2020-06-01T10:00:00Z", partner: true },
  { key: "B", name: "Мария Тестова", phone: "+79162223344", email: `maria-${run}@example.test`, status: "CONFIRMED", method: "COURIER", createdAt: "2020-06-02T10:00:00Z" },
  { key: "C", name: "Пётр Тестов", phone: "+79163334455", email: `petr-${run}@example.test`, status: "SHIPPED", method: "PREPAID", createdAt: "2020-06-03T20:59:59Z" },
  { key: "D", name: "Dmitry Test", phone: "+79164445566", email: `d-${run}@example.test`, status: "PAID", method: "COD", createdAt: "2020-06-03T21:00:00Z" },
  { key: "E", name: "Elena Test", phone: "+79165556677", email: `e-${run}@example.test`, status: "CANCELLED", method: "COD", createdAt: "2020-06-03T21:00:00Z" },
  { key: "F", name: "Fedor Test", phone: "+79166667788", email: `f-${run}@example.test`, status: "UNCONFIRMED", method: "COD", createdAt: "2020-06-03T21:00:00Z" },
  { key: "G", name: "Иван Тестов", phone: "+79161112233", email: `Ivan.T-${run}@example.test`, status: "DUPLICATE", method: "COD", createdAt: "2020-06-05T10:00:00Z", duplicateOf: "A" },
];

const keysOf = (items: OrderListItem[]) => items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id));

beforeAll(async () => {
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "RUB", symbol: "₽" } }).catch(() => undefined);
  productId = (await db.product.create({ data: { slug: `orders-${run}`, name: `Test watch ${run}`, currency: "RUB" }, select: { id: true } })).id;
  partnerId = (await db.partner.create({ data: { login: `p-${run}`, email: `p-${run}@partners.test`, name: "Test Partner", passwordHash: "x", status: "ACTIVE" }, select: { id: true } })).id;
  userId = (await db.user.create({ data: { email: `op-${run}@lavka.test`, name: "Ольга Тестовая", role: "OPERATOR", passwordHash: "x" }, select: { id: true } })).id;
  for (const spec of SPECS) {
    const customer = await db.customer.create({ data: { name: spec.name, phone: spec.phone, phoneNormalized: spec.phone }, select: { id: true } });
    customerIds.push(customer.id);
    const order = await db.order.create({
      data: {
        status: spec.status,
        paymentMethod: spec.method,
        customerId: customer.id,
        productId,
        customerName: spec.name,
        phone: spec.phone,
        // E.164, as the checkout stores it (lib/customers/normalize-contact.ts).
        phoneNormalized: spec.phone,
        email: spec.email,
        emailNormalized: spec.email.toLowerCase(),
        region: "RU",
        country: "RU",
        city: "Москва",
        currency: "RUB",
        itemsTotal: 195000, // 1,950.00 RUB
        shippingTotal: 30000, // 300.00 RUB
        total: 225000, // 2,250.00 RUB
        partnerId: spec.partner ? partnerId : null,
        sub1: spec.partner ? "vk" : null,
        clickId: null,
        notes: spec.key === "A" ? "позвонить после 18:00" : null,
        duplicateOfId: spec.duplicateOf ? ids[spec.duplicateOf] : null,
        createdAt: new Date(spec.createdAt),
        items: { create: [{ productId, productName: `Test watch ${run}`, quantity: 1, unitPrice: 195000, total: 195000 }] },
        statusChanges: {
          create: [
            { fromStatus: null, toStatus: "UNCONFIRMED", actorType: "CUSTOMER", reason: "placed", createdAt: new Date(spec.createdAt) },
            ...(spec.status === "UNCONFIRMED"
              ? []
              : [
                  {
                    fromStatus: "UNCONFIRMED" as const,
                    toStatus: spec.status,
                    actorType: "USER" as const,
                    actorId: userId,
                    reason: "by phone",
                    createdAt: new Date(Date.parse(spec.createdAt) + 60_000),
                  },
                ]),
          ],
        },
      },
      select: { id: true, number: true },
    });
    ids[spec.key] = order.id;
    numbers[spec.key] = order.number;
  }
});

afterAll(async () => {
  await db.order.updateMany({ where: { productId }, data: { duplicateOfId: null } });
  await db.order.deleteMany({ where: { productId } });
  await db.customer.deleteMany({ where: { id: { in: customerIds } } });
  await db.product.deleteMany({ where: { id: productId } });
  await db.partner.deleteMany({ where: { id: partnerId } });
  await db.user.deleteMany({ where: { id: userId } });
  await disconnectDb();
});

describe("listOrders", () => {
  it("lists newest first, ties broken by id, with what the table shows", async () => {
    const page = await listOrders({ productId });
    const tied = [ids.D!, ids.E!, ids.F!].sort().reverse();
    expect(page.items.map((item) => item.id)).toEqual([ids.G, ...tied, ids.C, ids.B, ids.A]);
    expect(page.nextCursor).toBeNull();
    const a = page.items.find((item) => item.id === ids.A)!;
    expect(a).toMatchObject({
      number: numbers.A,
      status: "UNCONFIRMED",
      paymentMethod: "COD",
      customerName: "Иван Тестов",
      phone: "+79161112233",
      currency: "RUB",
      total: 225000, // 2,250.00 RUB
      product: { id: productId, name: `Test watch ${run}` },
      partner: { id: partnerId, login: `p-${run}` },
      items: [{ productName: `Test watch ${run}`, quantity: 1, kind: "MAIN" }],
    });
  });

  it("pages by keyset without gaps or repeats, across a tie", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listOrders({ productId, limit: 2, cursor });
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 2, 1]);
    expect(seen).toEqual((await listOrders({ productId })).items.map((item) => item.id));
  });

  it.each([
    [{ tab: "UNCONFIRMED" as const }, ["F", "A"]],
    [{ tab: "all" as const, status: ["SHIPPED", "PAID"] as OrderStatus[] }, ["D", "C"]],
    [{ status: "SHIPPED,PAID" }, ["D", "C"]],
    [{ tab: "PAID" as const, status: ["SHIPPED", "PAID"] as OrderStatus[] }, ["D"]],
    [{ tab: "CONFIRMED" as const, status: ["SHIPPED"] as OrderStatus[] }, []],
    [{ paymentMethod: "COURIER" as const }, ["B"]],
    [{ partnerId: "<partner>" }, ["A"]],
    [{ partnerId: NO_PARTNER }, ["G", "F", "E", "D", "C", "B"]],
    // Calendar days in Moscow: 2020-06-04 starts at 2020-06-03T21:00Z.
    [{ from: "2020-06-04", to: "2020-06-04" }, ["F", "E", "D"]],
    [{ to: "2020-06-03" }, ["C", "B", "A"]],
    [{ from: "2020-06-05" }, ["G"]],
    // Empty form fields mean "no filter".
    [{ paymentMethod: "", partnerId: "", from: "", q: "  ", tab: "" }, ["G", "F", "E", "D", "C", "B", "A"]],
  ])("filters %o", async (filters, expected) => {
    const resolved = { ...filters, ...("partnerId" in filters && filters.partnerId === "<partner>" ? { partnerId } : {}) };
    const page = await listOrders({ productId, ...resolved } as never);
    const keys = keysOf(page.items);
    // D, E, F tie on createdAt: compare them as a set, the rest in order.
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(keys.filter((key) => !["D", "E", "F"].includes(key!))).toEqual(expected.filter((key) => !["D", "E", "F"].includes(key)));
  });

  it("searches by the bare order number: that order, and phones holding the same digits", async () => {
    const page = await listOrders({ productId, q: String(numbers.A) });
    const keys = keysOf(page.items);
    expect(keys).toContain("A");
    // Order numbers grow with every order of the test database: four digits may also be part of a phone.
    const others = SPECS.filter((spec) => keys.includes(spec.key) && spec.key !== "A");
    expect(others.every((spec) => String(numbers.A).length >= 4 && spec.phone.includes(String(numbers.A)))).toBe(true);
  });

  it.each([
    ["the order number with #", () => `#${numbers.B}`, ["B"]],
    ["the order number with # and a space", () => `# ${numbers.C}`, ["C"]],
    ["a formatted phone with the trunk 8", () => "8 (916) 111-22-33", ["G", "A"]],
    ["part of a phone", () => "222-33-44", ["B"]],
    ["an email in other case", () => `IVAN.T-${run.toUpperCase()}`, ["G", "A"]],
    ["a name in other case", () => "мария", ["B"]],
    ["a Latin name", () => "elena", ["E"]],
    ["nothing that matches", () => "zz-no-such-order", []],
  ])("searches by %s", async (_label, query, expected) => {
    const page = await listOrders({ productId, q: query() });
    expect(keysOf(page.items)).toEqual(expected);
  });

  it.each([
    [{ status: "NOPE" }, "status"],
    [{ tab: "LOST" }, "tab"],
    [{ paymentMethod: "BARTER" }, "paymentMethod"],
    [{ limit: "1000" }, "limit"],
    [{ limit: "0" }, "limit"],
    [{ from: "2020-13-01" }, "from"],
    [{ cursor: "not-a-cursor" }, "cursor"],
    [{ productId: '\'; DROP TABLE "Order"; --' }, "productId"],
    [{ q: "x".repeat(201) }, "q"],
  ])("refuses %o with a validation error on %s", async (input, field) => {
    const error = await listOrders({ productId, ...input } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path[0])).toContain(field);
  });
});

describe("countOrdersByStatus", () => {
  it("counts every status under the filters, zeros included", async () => {
    expect(await countOrdersByStatus({ productId })).toEqual({
      limit: null,
      all: 7,
      UNCONFIRMED: 2,
      CONFIRMED: 1,
      SHIPPED: 1,
      DELIVERED: 0,
      HANDED: 0,
      PAID: 1,
      CANCELLED: 1,
      RETURNED: 0,
      DUPLICATE: 1,
      SPAM: 0,
    });
  });

  it("applies the other filters and search", async () => {
    const counts = await countOrdersByStatus({ productId, q: "Иван" });
    expect(counts).toMatchObject({ all: 2, UNCONFIRMED: 1, DUPLICATE: 1, CONFIRMED: 0 });
    expect((await countOrdersByStatus({ productId, paymentMethod: "PREPAID" })).all).toBe(1);
  });

  it("matches typed % and _ literally, not as LIKE wildcards", async () => {
    // As wildcards "Ива_" and "%" would match every "Иван Тестов".
    for (const q of ["Ива_", "%", "_ван", "Иван\\"]) {
      expect((await countOrdersByStatus({ productId, q })).all).toBe(0);
      expect((await listOrders({ productId, q })).items).toEqual([]);
    }
    expect((await countOrdersByStatus({ productId, q: "Иван" })).all).toBe(2);
  });
});

describe("countOrdersByStatus against a full count", () => {
  // The counts are one SQL statement (orderFilterSql); the list and the export filter through
  // Prisma (orderFilterWhere). Every combination below must count what a plain GROUP BY over the
  // list's own `where` counts, and what the list itself shows.
  const searches: [string, (() => string) | undefined][] = [
    ["no search", undefined],
    ["a name in lower case", () => "иван"],
    ["a name in upper case", () => "ТЕСТОВ"],
    ["LIKE wildcards and the escape, matched literally", () => "a_%\\"],
    ["a whole email in other case", () => `ivan.t-${run}@EXAMPLE.test`],
    ["a formatted phone with the trunk 8", () => "8 (916) 111-22-33"],
    ["part of a phone", () => "333-44"],
    ["too few digits", () => "12"],
    ["an order number", () => String(numbers.B)],
    ["an order number with #", () => `#${numbers.C}`],
    ["nothing that matches", () => "zz-no-such-order"],
  ];
  const partners = [undefined, "<partner>", NO_PARTNER];
  // Calendar days in Moscow: 2020-06-04 starts at 2020-06-03T21:00Z, where D, E and F were placed.
  const periods = [{}, { from: "2020-06-04" }, { to: "2020-06-03" }, { from: "2020-06-02", to: "2020-06-04" }];
  const statusFilters = [undefined, ["UNCONFIRMED", "DUPLICATE", "SHIPPED"] as OrderStatus[]];
  const combinations = partners.flatMap((partner) => periods.flatMap((period) => statusFilters.map((status) => ({ partner, period, status }))));

  it.each(searches)(`agrees with the search "%s" under ${combinations.length} filter combinations`, async (_label, search) => {
    for (const { partner, period, status } of combinations) {
      const filters: TOrderFilters = { productId, q: search?.(), partnerId: partner === "<partner>" ? partnerId : partner, ...period, status };
      const counts = await countOrdersByStatus(filters);
      const groups = await db.order.groupBy({ by: ["status"], where: orderFilterWhere(ZOrderFilters.parse(filters)), _count: { _all: true } });
      const expected = Object.fromEntries(ORDER_STATUSES.map((each) => [each, groups.find((group) => group.status === each)?._count._all ?? 0]));
      const all = groups.reduce((sum, group) => sum + group._count._all, 0);
      expect({ filters, counts }).toEqual({ filters, counts: { ...expected, all, limit: null } });
      const page = await listOrders({ ...filters, limit: 200 });
      expect({ filters, listed: page.items.length }).toEqual({ filters, listed: all });
    }
  });

  it.each([
    [{ paymentMethod: "COD" as const }, 5],
    [{ paymentMethod: "COD" as const, region: "RU" as const }, 5],
    [{ region: "CIS" as const }, 0],
    [{ status: "PAID,CANCELLED", q: "test" }, 2],
  ])("counts %o", async (filters, all) => {
    const counts = await countOrdersByStatus({ productId, ...filters });
    expect(counts.all).toBe(all);
    expect((await listOrders({ productId, ...filters })).items).toHaveLength(all);
  });
});

describe("getOrderOrThrow", () => {
  it("loads everything the order page shows, history with names", async () => {
    const order = await getOrderOrThrow(ids.A!);
    expect(order).toMatchObject({
      id: ids.A,
      number: numbers.A,
      status: "UNCONFIRMED",
      customerName: "Иван Тестов",
      city: "Москва",
      itemsTotal: 195000, // 1,950.00 RUB
      shippingTotal: 30000, // 300.00 RUB
      total: 225000, // 2,250.00 RUB
      notes: "позвонить после 18:00",
      partner: { id: partnerId, login: `p-${run}`, name: "Test Partner" },
      sub1: "vk",
      clickId: null,
      product: { id: productId },
      duplicateOf: null,
      duplicates: [{ id: ids.G, number: numbers.G, status: "DUPLICATE" }],
      items: [{ productName: `Test watch ${run}`, quantity: 1, unitPrice: 195000, total: 195000, kind: "MAIN" }],
    });
    expect(order.history).toEqual([
      {
        id: expect.any(String),
        fromStatus: null,
        toStatus: "UNCONFIRMED",
        actor: { type: "CUSTOMER", id: null, name: "Иван Тестов" },
        reason: "placed",
        createdAt: new Date("2020-06-01T10:00:00Z"),
      },
    ]);

    const confirmed = await getOrderOrThrow(ids.B!);
    expect(confirmed.history.map((entry) => [entry.fromStatus, entry.toStatus, entry.actor.type, entry.actor.name, entry.reason])).toEqual([
      [null, "UNCONFIRMED", "CUSTOMER", "Мария Тестова", "placed"],
      ["UNCONFIRMED", "CONFIRMED", "USER", "Ольга Тестовая", "by phone"],
    ]);

    expect((await getOrderOrThrow(ids.G!)).duplicateOf).toEqual({ id: ids.A, number: numbers.A, status: "UNCONFIRMED" });
  });

  it.each(["no-such-order", "../../etc/passwd", ""])("answers NOT_FOUND for %j", async (id) => {
    const error = await getOrderOrThrow(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});
