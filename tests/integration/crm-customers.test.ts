// The CRM customers section against a real PostgreSQL: the list's search, filters, sorts and
// keyset pages (both ways, customers without a sort value last) over real rows; the card's
// totals (orders, bought-out revenue per currency, refusals by phone, approve and buyout rates);
// the timeline's order and pages; create/update refusing a contact that is on another card;
// saved views' scoping; the CSV export. Other test files share the database: every list query
// here is scoped by this run's own tag, phones and names.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCustomer } from "@/lib/crm/customers/create-customer";
import { ContactTakenError } from "@/lib/crm/customers/customer-input";
import { encodeCustomerCursor, ZCustomerListQuery } from "@/lib/crm/customers/customer-query";
import { exportCustomersCsv } from "@/lib/crm/customers/export-customers-csv";
import { getCustomerOrThrow } from "@/lib/crm/customers/get-customer";
import { getCustomerTimeline } from "@/lib/crm/customers/get-customer-timeline";
import { getRefusalHistory } from "@/lib/crm/customers/get-refusal-history";
import { customerFilterSql, listCustomers, type CustomerListItem } from "@/lib/crm/customers/list-customers";
import { updateCustomer } from "@/lib/crm/customers/update-customer";
import { deleteView } from "@/lib/crm/views/delete-view";
import { listViews } from "@/lib/crm/views/list-views";
import { saveView } from "@/lib/crm/views/save-view";
import { ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, Role } from "@/lib/db/generated/enums";

// A letter first: eight hex digits are sometimes all digits, which the search reads as a phone.
const run = `r${randomUUID().slice(0, 7)}`;
const tag = `run-${run}`;
// Five random digits make this run's phones unique in the shared database: +7 916 DDDDD NN.
const digits = String(Math.floor(10_000 + Math.random() * 89_999));
const phoneOf = (index: number) => `+7916${digits}${String(index).padStart(2, "0")}`;
const users = {} as Record<Role, { id: string; role: Role }>;
const actor = (role: Role) => users[role];
let productId = "";
let pipelineId = "";
const customerIds: string[] = [];

async function makeCustomer(data: Partial<Parameters<typeof db.customer.create>[0]["data"]> & { name: string | null }) {
  const row = await db.customer.create({ data: { tags: [tag], ...data, ...(data.tags ? { tags: [tag, ...(data.tags as string[])] } : {}) }, select: { id: true } });
  customerIds.push(row.id);
  return row.id;
}

async function makeOrder(customerId: string, data: { status: OrderStatus; total: number; currency?: string; createdAt: Date; shippedAt?: Date | null; phone?: string }) {
  return db.order.create({
    data: {
      customerId,
      productId,
      region: "RU",
      country: "RU",
      paymentMethod: "COD",
      currency: data.currency ?? "RUB",
      itemsTotal: data.total,
      total: data.total,
      status: data.status,
      createdAt: data.createdAt,
      shippedAt: data.shippedAt ?? null,
      phoneNormalized: data.phone ?? null,
      items: { create: [{ productId, productName: `Watch ${run}`, quantity: 1, unitPrice: data.total, total: data.total }] },
    },
    select: { id: true, number: true },
  });
}

const list = (query: Record<string, string> = {}, role: Role = "MANAGER") => listCustomers({ tag, ...query }, actor(role));
const names = (items: CustomerListItem[]) => items.map((item) => item.name);

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${run}@crm.test`, name: `${role} ${run}`, passwordHash: "x", role }, select: { id: true, role: true } });
    users[role] = user;
  }
  productId = (await db.product.create({ data: { slug: `crm-${run}`, name: `Watch ${run}`, currency: "RUB" }, select: { id: true } })).id;
  pipelineId = (await db.pipeline.create({ data: { name: `P ${run}` }, select: { id: true } })).id;
});

afterAll(async () => {
  const userIds = Object.values(users).map((user) => user.id);
  await db.refusalRecord.deleteMany({ where: { customerId: { in: customerIds } } });
  await db.refusalRecord.deleteMany({ where: { phoneNormalized: { startsWith: `+7916${digits}` } } });
  await db.deal.deleteMany({ where: { pipelineId } });
  await db.pipeline.deleteMany({ where: { id: pipelineId } });
  await db.order.deleteMany({ where: { productId } });
  await db.mailMessage.deleteMany({ where: { idempotencyKey: { startsWith: `crm-${run}` } } });
  const created = await db.customer.findMany({ where: { OR: [{ id: { in: customerIds } }, { tags: { has: tag } }] }, select: { id: true } });
  const ids = created.map((row) => row.id);
  await db.customer.updateMany({ where: { id: { in: ids } }, data: { mergedIntoId: null } });
  await db.customer.deleteMany({ where: { id: { in: ids } } });
  await db.product.deleteMany({ where: { id: productId } });
  await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
  await db.crmSavedView.deleteMany({ where: { ownerId: { in: userIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await disconnectDb();
});

describe("list: filters and search", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const stage = await db.dealStage.create({ data: { pipelineId, name: "Open", kind: "OPEN" }, select: { id: true } });
    const won = await db.dealStage.create({ data: { pipelineId, name: "Won", kind: "WON", position: 9 }, select: { id: true } });
    ids.anna = await makeCustomer({
      name: `Анна ${run}`,
      phone: phoneOf(1),
      phoneNormalized: phoneOf(1),
      email: `anna-${run}@crm.test`,
      emailNormalized: `anna-${run}@crm.test`,
      region: "RU",
      source: "instagram",
      abcClass: "A",
      rfmSegment: "Champions",
      paidRevenue: 500000n,
      lastOrderAt: new Date("2026-03-10T10:00:00Z"),
      responsibleId: users.MANAGER.id,
      tags: ["vip"],
    });
    await db.customerPhone.create({ data: { customerId: ids.anna, phone: phoneOf(1), normalized: phoneOf(1), isPrimary: true } });
    ids.boris = await makeCustomer({ name: `Борис ${run}`, region: "CIS", source: "ads", abcClass: "B", paidRevenue: 150000n, lastOrderAt: new Date("2026-01-05T10:00:00Z") });
    await db.customerPhone.create({ data: { customerId: ids.boris, phone: phoneOf(2), normalized: phoneOf(2), isPrimary: false } });
    await db.customerEmail.create({ data: { customerId: ids.boris, email: `Boris-${run}@Mail.test`, normalized: `boris-${run}@mail.test` } });
    ids.romashka = await makeCustomer({ name: `Ромашка ${run}`, type: "COMPANY", legalName: `ООО «Ромашка-${run}»`, taxId: `77${digits}0`, abcClass: "C", paidRevenue: 0n });
    await db.contactPerson.create({
      data: { customerId: ids.romashka, name: `Ольга Контактова ${run}`, phone: phoneOf(3), phoneNormalized: phoneOf(3), emailNormalized: `olga-${run}@romashka.test` },
    });
    ids.merged = await makeCustomer({ name: `Анна дубль ${run}`, mergedIntoId: ids.anna, mergedAt: new Date() });
    await db.deal.create({ data: { title: "Open deal", pipelineId, stageId: stage.id, customerId: ids.romashka, currency: "RUB" } });
    await db.deal.create({ data: { title: "Won deal", pipelineId, stageId: won.id, customerId: ids.boris, currency: "RUB" } });
  });

  it("never lists a merged card, and filters by type, ABC, RFM, tag, source, region, responsible", async () => {
    expect(names((await list()).items).sort()).toEqual([`Анна ${run}`, `Борис ${run}`, `Ромашка ${run}`].sort());
    expect(names((await list({ type: "COMPANY" })).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await list({ abcClass: "A" })).items)).toEqual([`Анна ${run}`]);
    expect(names((await list({ rfmSegment: "Champions" })).items)).toEqual([`Анна ${run}`]);
    expect(names((await listCustomers({ tag: "vip", q: run }, actor("MANAGER"))).items)).toEqual([`Анна ${run}`]);
    expect(names((await list({ source: "ads" })).items)).toEqual([`Борис ${run}`]);
    expect(names((await list({ region: "CIS" })).items)).toEqual([`Борис ${run}`]);
    expect(names((await list({ responsibleId: users.MANAGER.id })).items)).toEqual([`Анна ${run}`]);
  });

  it("filters by open deal (a WON deal is not open), last order range and bought-out total typed in rubles", async () => {
    expect(names((await list({ openDeal: "yes" })).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await list({ openDeal: "no", sort: "name" })).items)).toEqual([`Анна ${run}`, `Борис ${run}`]);
    // The few customers with an open deal are hashed once from the deals, never found by probing
    // the deals for every card in the list's order (≈0.5 s at 300k cards / 2k deals).
    const [plan] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (FORMAT JSON) SELECT c.id FROM "Customer" c WHERE ${customerFilterSql(ZCustomerListQuery.parse({ openDeal: "yes" }))} ORDER BY c."createdAt" DESC, c.id DESC LIMIT 51`;
    expect(JSON.stringify(plan!["QUERY PLAN"])).toMatch(/hashed SubPlan/);
    expect(names((await list({ lastOrderFrom: "2026-03-10", lastOrderTo: "2026-03-10" })).items)).toEqual([`Анна ${run}`]);
    expect(names((await list({ lastOrderTo: "2026-02-01" })).items)).toEqual([`Борис ${run}`]);
    expect(names((await list({ revenueMin: "1500", revenueMax: "1 500,00" })).items)).toEqual([`Борис ${run}`]); // 150000 minor = 1,500.00 RUB
    expect(names((await list({ revenueMin: "1500,01", sort: "revenue" })).items)).toEqual([`Анна ${run}`]);
  });

  it("searches by phone in any formatting (own, extra and contact person's), email, name, legal name, tax id and contact person", async () => {
    const national = `8 (916) ${phoneOf(2).slice(5, 8)}-${phoneOf(2).slice(8, 10)}-${phoneOf(2).slice(10)}`;
    expect(names((await listCustomers({ q: national }, actor("OPERATOR"))).items)).toEqual([`Борис ${run}`]);
    expect(names((await listCustomers({ q: phoneOf(1) }, actor("MANAGER"))).items)).toEqual([`Анна ${run}`]);
    expect(names((await listCustomers({ q: phoneOf(1).slice(-7) }, actor("MANAGER"))).items)).toContain(`Анна ${run}`);
    expect(names((await listCustomers({ q: phoneOf(3) }, actor("MANAGER"))).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await listCustomers({ q: `BORIS-${run}@mail.test` }, actor("MANAGER"))).items)).toEqual([`Борис ${run}`]);
    expect(names((await listCustomers({ q: `anna-${run}@crm.test` }, actor("MANAGER"))).items)).toEqual([`Анна ${run}`]);
    expect(names((await listCustomers({ q: `olga-${run}@romashka.test` }, actor("MANAGER"))).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await listCustomers({ q: `ромашка-${run}` }, actor("MANAGER"))).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await listCustomers({ q: `77${digits}0` }, actor("MANAGER"))).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await listCustomers({ q: `Контактова ${run}` }, actor("MANAGER"))).items)).toEqual([`Ромашка ${run}`]);
    expect(names((await list({ q: "%" })).items)).toEqual([]);
  });

  it("refuses bad filters and roles without the CRM", async () => {
    await expect(list({ revenueMin: "abc" })).rejects.toBeInstanceOf(ZodError);
    await expect(list({}, "LOGISTICS")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(list({}, "ACCOUNTANT")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("list: sorts and keyset pages", () => {
  const pageTag = `pages-${run}`;
  beforeAll(async () => {
    // 7 customers, two without a name and three without a last order, ties on revenue.
    const rows = [
      { name: "Ян", lastOrderAt: new Date("2026-02-01T00:00:00Z"), paidRevenue: 100n, ordersCount: 3 },
      { name: "Алла", lastOrderAt: null, paidRevenue: 100n, ordersCount: 0 },
      { name: null, lastOrderAt: new Date("2026-02-03T00:00:00Z"), paidRevenue: 300n, ordersCount: 5 },
      { name: "Борис", lastOrderAt: new Date("2026-02-02T00:00:00Z"), paidRevenue: 100n, ordersCount: 1 },
      { name: null, lastOrderAt: null, paidRevenue: 0n, ordersCount: 0 },
      { name: "Вера", lastOrderAt: null, paidRevenue: 200n, ordersCount: 2 },
      { name: "Гена", lastOrderAt: new Date("2026-02-03T00:00:00Z"), paidRevenue: 200n, ordersCount: 2 },
    ];
    for (const [index, row] of rows.entries()) await makeCustomer({ ...row, tags: [pageTag], createdAt: new Date(Date.UTC(2026, 0, 1 + index)) });
  });

  /** Walks the whole list forward in pages of `limit`, then back from the end, checking both walks agree. */
  async function walk(sort: string, dir: string, limit: number) {
    const forward: CustomerListItem[][] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await listCustomers({ tag: pageTag, sort, dir, limit, after }, actor("MANAGER"));
      forward.push(page.items);
      if (guard > 0) expect(page.prevCursor).not.toBeNull();
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    const backward: CustomerListItem[][] = [];
    let before: string | undefined;
    const lastPage = forward.at(-1)!;
    let page = await listCustomers({ tag: pageTag, sort, dir, limit, after: forward.length > 1 ? after : undefined }, actor("MANAGER"));
    expect(page.items.map((item) => item.id)).toEqual(lastPage.map((item) => item.id));
    backward.unshift(page.items);
    for (let guard = 0; guard < 20 && page.prevCursor; guard++) {
      before = page.prevCursor;
      page = await listCustomers({ tag: pageTag, sort, dir, limit, before }, actor("MANAGER"));
      backward.unshift(page.items);
    }
    expect(backward.map((items) => items.map((item) => item.id))).toEqual(forward.map((items) => items.map((item) => item.id)));
    expect(page.prevCursor).toBeNull();
    return forward.flat();
  }

  it("sorts by name A→Z with nameless cards last, the same in pages of 2 both ways", async () => {
    const all = await walk("name", "asc", 2);
    expect(names(all)).toEqual(["Алла", "Борис", "Вера", "Гена", "Ян", null, null]);
  });

  it("sorts by last order newest first (ties by id, no order last) and by revenue / orders count / creation", async () => {
    const byLastOrder = await walk("lastOrder", "desc", 3);
    expect(byLastOrder.slice(0, 4).map((item) => item.lastOrderAt?.toISOString().slice(0, 10))).toEqual(["2026-02-03", "2026-02-03", "2026-02-02", "2026-02-01"]);
    expect(byLastOrder.slice(4).every((item) => item.lastOrderAt === null)).toBe(true);
    const tied = byLastOrder.slice(0, 2).map((item) => item.id);
    expect(tied).toEqual([...tied].sort().reverse());
    expect((await walk("revenue", "asc", 2)).map((item) => Number(item.paidRevenue))).toEqual([0, 100, 100, 100, 200, 200, 300]);
    expect((await walk("orders", "desc", 4)).map((item) => item.ordersCount)).toEqual([5, 3, 2, 2, 1, 0, 0]);
    expect(names(await walk("created", "desc", 5))).toEqual(["Гена", "Вера", null, "Борис", null, "Алла", "Ян"]);
  });

  it("starts from the top for a cursor of another sort", async () => {
    const stale = encodeCustomerCursor({ sort: "revenue", value: "100", id: "zzz" });
    const page = await listCustomers({ tag: pageTag, sort: "name", after: stale, limit: 2 }, actor("MANAGER"));
    expect(names(page.items)).toEqual(["Алла", "Борис"]);
    expect(page.prevCursor).toBeNull();
  });
});

describe("card", () => {
  let customerId = "";
  const orders: { id: string; number: number }[] = [];
  beforeAll(async () => {
    customerId = await makeCustomer({ name: `Карточка ${run}`, phone: phoneOf(10), phoneNormalized: phoneOf(10), paidRevenue: 450000n });
    await db.customerPhone.create({ data: { customerId, phone: phoneOf(11), normalized: phoneOf(11) } });
    const day = (n: number) => new Date(Date.UTC(2026, 1, n, 10));
    orders.push(await makeOrder(customerId, { status: "PAID", total: 300000, createdAt: day(1), shippedAt: day(2) })); // 3,000.00 RUB
    orders.push(await makeOrder(customerId, { status: "PAID", total: 150000, createdAt: day(3), shippedAt: day(4) })); // 1,500.00 RUB
    orders.push(await makeOrder(customerId, { status: "PAID", total: 2500, currency: "USD", createdAt: day(5), shippedAt: day(6) })); // 25.00 USD
    orders.push(await makeOrder(customerId, { status: "RETURNED", total: 100000, createdAt: day(7), shippedAt: day(8) }));
    orders.push(await makeOrder(customerId, { status: "CANCELLED", total: 100000, createdAt: day(9) }));
    orders.push(await makeOrder(customerId, { status: "SPAM", total: 100000, createdAt: day(10) }));
    orders.push(await makeOrder(customerId, { status: "UNCONFIRMED", total: 100000, createdAt: day(11) }));
    await db.refusalRecord.createMany({
      data: [
        { phoneNormalized: phoneOf(10), kind: "RETURNED", orderId: orders[3]!.id, customerId },
        { phoneNormalized: phoneOf(11), kind: "CANCELLED", orderId: orders[4]!.id, customerId },
        { phoneNormalized: phoneOf(10), kind: "SPAM", orderId: orders[5]!.id, customerId },
        // A refusal of the same phone on someone else's order still counts for this phone.
        { phoneNormalized: phoneOf(11), kind: "BLACKLISTED", reason: "abusive" },
      ],
    });
  });

  it("lists every order newest first with product and statuses, paged", async () => {
    const first = await getCustomerOrThrow({ id: customerId, ordersLimit: 4 }, actor("OPERATOR"));
    if (first.kind !== "customer") throw new Error("expected a card");
    expect(first.orders.map((order) => order.number)).toEqual(
      orders
        .slice(3)
        .reverse()
        .map((order) => order.number),
    );
    expect(first.orders[0]).toMatchObject({ product: `Watch ${run}`, status: "UNCONFIRMED", paymentStatus: "UNPAID", currency: "RUB", total: 100000 });
    const second = await getCustomerOrThrow({ id: customerId, ordersLimit: 4, ordersCursor: first.nextOrdersCursor! }, actor("OPERATOR"));
    if (second.kind !== "customer") throw new Error("expected a card");
    expect(second.orders.map((order) => order.number)).toEqual(
      orders
        .slice(0, 3)
        .reverse()
        .map((order) => order.number),
    );
    expect(second.nextOrdersCursor).toBeNull();
  });

  it("totals bought-out revenue per currency exactly, refusals by every phone, and the customer's rates", async () => {
    const card = await getCustomerOrThrow({ id: customerId }, actor("MANAGER"));
    if (card.kind !== "customer") throw new Error("expected a card");
    expect(card.totals.paidByCurrency).toEqual([
      { currency: "RUB", amountMinor: "450000", orders: 2 }, // 4,500.00 RUB
      { currency: "USD", amountMinor: "2500", orders: 1 }, // 25.00 USD
    ]);
    expect(card.customer.paidRevenueMinor).toBe("450000");
    expect(card.totals.outcomes).toMatchObject({ total: 7, confirmed: 3, duplicateOrSpam: 1 });
    // approve 3/7 = 42.86 %, valid approve 3/6 = 50 %, buyout 3 paid of 4 shipped = 75 %.
    expect(card.totals.rates).toEqual({ approveRate: 4286, validApproveRate: 5000, buyoutRate: 7500 });
    expect(card.refusals.counts).toEqual({ CANCELLED: 1, RETURNED: 1, SPAM: 1, BLACKLISTED: 1 });
    expect(card.refusals.total).toBe(4);
    expect(card.refusals.recent.find((entry) => entry.kind === "RETURNED")?.order?.number).toBe(orders[3]!.number);
    const history = await getRefusalHistory({ phones: [phoneOf(11)] }, actor("OPERATOR"));
    expect(history.counts).toEqual({ CANCELLED: 1, RETURNED: 0, SPAM: 0, BLACKLISTED: 1 });
    await expect(getRefusalHistory({ phones: [phoneOf(11)] }, actor("LOGISTICS"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers a merged card with the survivor at the end of the chain, and 404 for none", async () => {
    const middle = await makeCustomer({ name: "middle", mergedIntoId: customerId, mergedAt: new Date() });
    const first = await makeCustomer({ name: "first", mergedIntoId: middle, mergedAt: new Date() });
    expect(await getCustomerOrThrow({ id: first }, actor("MANAGER"))).toEqual({ kind: "merged", survivorId: customerId });
    await expect(getCustomerOrThrow({ id: `missing-${run}` }, actor("MANAGER"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCustomerOrThrow({ id: customerId }, actor("ACCOUNTANT"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("timeline", () => {
  it("merges orders, status changes, mails, interactions, tasks and deal moves newest first, paged without gaps", async () => {
    const email = `time-${run}@crm.test`;
    const customerId = await makeCustomer({ name: `Хроника ${run}`, email, emailNormalized: email });
    const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 10, minute));
    const order = await makeOrder(customerId, { status: "CONFIRMED", total: 1000, createdAt: at(0) });
    await db.orderStatusChange.createMany({
      data: [
        { orderId: order.id, fromStatus: null, toStatus: "UNCONFIRMED", actorType: "CUSTOMER", createdAt: at(0) },
        { orderId: order.id, fromStatus: "UNCONFIRMED", toStatus: "CONFIRMED", actorType: "USER", actorId: users.OPERATOR.id, createdAt: at(2) },
      ],
    });
    await db.mailMessage.create({
      data: {
        idempotencyKey: `crm-${run}-1`,
        template: "order-confirm",
        locale: "ru",
        fromAddress: "shop@x",
        toAddress: email,
        subject: "Подтвердите заказ",
        html: "",
        text: "",
        transport: "CAPTURE",
        status: "SENT",
        createdAt: at(1),
      },
    });
    const interaction = await db.interaction.create({ data: { kind: "CALL", customerId, userId: users.MANAGER.id, result: "Договорились", occurredAt: at(3) }, select: { id: true } });
    await db.task.create({
      data: { title: "Перезвонить", customerId, dueAt: at(30), createdAt: at(4), completedAt: at(6), status: "DONE", result: "Готово", interactionId: interaction.id },
    });
    const stages = await db.dealStage.findMany({ where: { pipelineId }, select: { id: true }, orderBy: { position: "asc" } });
    const deal = await db.deal.create({ data: { title: "Сделка", pipelineId, stageId: stages[0]!.id, customerId, currency: "RUB" }, select: { id: true } });
    await db.dealStageChange.create({ data: { dealId: deal.id, fromStageId: stages[0]!.id, toStageId: stages[1]!.id, userId: users.MANAGER.id, createdAt: at(5) } });

    const all = await getCustomerTimeline({ customerId }, actor("OPERATOR"));
    expect(all.entries.map((entry) => entry.kind)).toEqual(["taskCompleted", "dealStage", "taskCreated", "interaction", "status", "mail", "order"]);
    const status = all.entries.find((entry) => entry.kind === "status");
    expect(status).toMatchObject({ from: "UNCONFIRMED", to: "CONFIRMED", number: order.number, actorName: `OPERATOR ${run}` });
    expect(all.entries.find((entry) => entry.kind === "dealStage")).toMatchObject({ dealTitle: "Сделка", fromStage: "Open", toStage: "Won", userName: `MANAGER ${run}` });
    expect(all.entries.every((entry) => typeof entry.at === "string")).toBe(true);
    expect(JSON.parse(JSON.stringify(all.entries))).toEqual(all.entries); // plain data

    const keys: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await getCustomerTimeline({ customerId, cursor, limit: 2 }, actor("MANAGER"));
      keys.push(...page.entries.map((entry) => entry.key));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(keys).toEqual(all.entries.map((entry) => entry.key));
    await expect(getCustomerTimeline({ customerId, cursor: "bad" }, actor("MANAGER"))).rejects.toBeInstanceOf(ZodError);
  });
});

describe("create and update", () => {
  it("creates a company with contact persons, mirrors the primary contacts and audits it", async () => {
    const { id } = await createCustomer(
      {
        type: "COMPANY",
        name: `ООО Лютик ${run}`,
        tags: `${tag}, опт, ОПТ`,
        phones: [{ phone: `8${phoneOf(20).slice(2)}` }, { phone: phoneOf(21), isPrimary: true }],
        emails: [{ email: `Office-${run}@Lutik.test` }],
        addresses: [{ country: "RU", city: "Тверь" }],
        contactPersons: [{ name: "Пётр", position: "Директор", role: "ЛПР", phone: phoneOf(22) }],
      },
      actor("MANAGER"),
      { ip: "10.0.0.1" },
    );
    customerIds.push(id);
    const row = await db.customer.findUniqueOrThrow({
      where: { id },
      select: { phoneNormalized: true, emailNormalized: true, tags: true, phones: { select: { normalized: true, isPrimary: true } }, contactPersons: { select: { phoneNormalized: true } } },
    });
    expect(row.phoneNormalized).toBe(phoneOf(21));
    expect(row.emailNormalized).toBe(`office-${run}@lutik.test`);
    expect(row.tags).toEqual([tag, "опт"]);
    expect(row.phones).toHaveLength(2);
    expect(row.contactPersons[0]?.phoneNormalized).toBe(phoneOf(22));
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "customer.create" }, select: { actorId: true, ip: true, data: true } });
    expect(audit).toMatchObject({ actorId: users.MANAGER.id, ip: "10.0.0.1" });
    expect(JSON.stringify(audit.data)).toContain(`ООО Лютик ${run}`);
  });

  it("refuses a phone or email that is already on another card, naming that card, and writes nothing", async () => {
    const owner = await makeCustomer({ name: `Владелец ${run}`, phone: phoneOf(30), phoneNormalized: phoneOf(30) });
    await db.customerEmail.create({ data: { customerId: owner, email: `own-${run}@crm.test`, normalized: `own-${run}@crm.test` } });
    const before = await db.customer.count({ where: { tags: { has: tag } } });
    const error = await createCustomer(
      { name: "Второй", tags: tag, phones: [{ phone: `+7 916 ${phoneOf(30).slice(5)}` }], emails: [{ email: `OWN-${run}@crm.test` }] },
      actor("MANAGER"),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContactTakenError);
    expect((error as ContactTakenError).conflicts).toEqual([
      expect.objectContaining({ kind: "phone", field: "phones.0.phone", customerId: owner, customerName: `Владелец ${run}` }),
      expect.objectContaining({ kind: "email", field: "emails.0.email", customerId: owner }),
    ]);
    expect(await db.customer.count({ where: { tags: { has: tag } } })).toBe(before);
    // A card merged away no longer holds its contacts.
    await db.customer.update({ where: { id: owner }, data: { mergedIntoId: customerIds[0], mergedAt: new Date() } });
    const { id } = await createCustomer({ name: "Второй", tags: tag, phones: [{ phone: phoneOf(30) }] }, actor("OWNER"));
    customerIds.push(id);
  });

  it("updates the whole card: contacts added, removed, made primary; contact persons kept by id; audited before/after", async () => {
    const { id } = await createCustomer(
      { name: `Правка ${run}`, tags: tag, phones: [{ phone: phoneOf(40) }, { phone: phoneOf(41) }], contactPersons: [{ name: "Кира" }, { name: "Лев" }] },
      actor("MANAGER"),
    );
    customerIds.push(id);
    const persons = await db.contactPerson.findMany({ where: { customerId: id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    await updateCustomer(
      id,
      {
        name: `Правка ${run}`,
        tags: `${tag}, новый`,
        phones: [{ phone: phoneOf(41), isPrimary: true }, { phone: phoneOf(42) }],
        contactPersons: [{ id: persons[0]!.id, name: "Кира Новая", position: "Закупки" }, { name: "Мила" }],
      },
      actor("MANAGER"),
    );
    const row = await db.customer.findUniqueOrThrow({
      where: { id },
      select: {
        phoneNormalized: true,
        tags: true,
        phones: { select: { normalized: true, isPrimary: true }, orderBy: { normalized: "asc" } },
        contactPersons: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      },
    });
    expect(row.phoneNormalized).toBe(phoneOf(41));
    expect(row.tags).toEqual([tag, "новый"]);
    expect(row.phones).toEqual([
      { normalized: phoneOf(41), isPrimary: true },
      { normalized: phoneOf(42), isPrimary: false },
    ]);
    expect(row.contactPersons.map((person) => person.name)).toEqual(["Кира Новая", "Мила"]);
    expect(row.contactPersons[0]!.id).toBe(persons[0]!.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "customer.update" }, select: { data: true } });
    const data = audit.data as { before: { tags: string[] }; after: { tags: string[] } };
    expect(data.before.tags).toEqual([tag]);
    expect(data.after.tags).toEqual([tag, "новый"]);
  });

  it("refuses an edit by an operator, a contact person of another card, and a bad field, changing nothing", async () => {
    const { id } = await createCustomer({ name: `Неизменный ${run}`, tags: tag }, actor("MANAGER"));
    customerIds.push(id);
    await expect(updateCustomer(id, { name: "x" }, actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCustomer({ name: "x" }, actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const foreign = await db.contactPerson.findFirstOrThrow({ where: { customer: { name: `ООО Лютик ${run}` } }, select: { id: true } });
    await expect(updateCustomer(id, { name: "x", contactPersons: [{ id: foreign.id, name: "hijack" }] }, actor("MANAGER"))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(updateCustomer(id, { name: "x", responsibleId: users.ACCOUNTANT.id }, actor("MANAGER"))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(updateCustomer(id, { name: "", phones: [{ phone: "1" }] }, actor("MANAGER"))).rejects.toBeInstanceOf(ZodError);
    expect((await db.customer.findUniqueOrThrow({ where: { id }, select: { name: true } })).name).toBe(`Неизменный ${run}`);
    expect(await db.contactPerson.count({ where: { id: foreign.id, name: "hijack" } })).toBe(0);
  });
});

describe("saved views", () => {
  it("lists own and shared views, replaces a view saved twice by name, and scopes deletion", async () => {
    const mine = await saveView({ list: "customers", name: "Золото", query: { abcClass: "A", sort: "revenue", after: "dropped" } }, actor("MANAGER"));
    const again = await saveView({ list: "customers", name: "Золото", query: { abcClass: "A", sort: "revenue", dir: "asc" } }, actor("MANAGER"));
    expect(again.id).toBe(mine.id);
    const shared = await saveView({ list: "customers", name: "Общий", isShared: true, query: { type: "COMPANY" } }, actor("MANAGER"));
    const operatorOwn = await saveView({ list: "customers", name: "Мой", query: { q: "Иван" } }, actor("OPERATOR"));
    await expect(saveView({ list: "customers", name: "x", isShared: true, query: {} }, actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveView({ list: "customers", name: "x", query: { abcClass: "Q" } }, actor("MANAGER"))).rejects.toBeInstanceOf(ZodError);
    await expect(saveView({ list: "customers", name: "x", query: {} }, actor("LOGISTICS"))).rejects.toMatchObject({ code: "FORBIDDEN" });

    const managerViews = await listViews("customers", actor("MANAGER"));
    const own = managerViews.filter((view) => [mine.id, shared.id, operatorOwn.id].includes(view.id));
    expect(own.map((view) => view.name)).toEqual(["Золото", "Общий"]);
    expect(own[0]!.query).toEqual({ abcClass: "A", sort: "revenue", dir: "asc" });
    const operatorViews = (await listViews("customers", actor("OPERATOR"))).filter((view) => [mine.id, shared.id, operatorOwn.id].includes(view.id));
    expect(operatorViews.map((view) => [view.name, view.deletable])).toEqual([
      ["Мой", true],
      ["Общий", false],
    ]);

    await expect(deleteView(mine.id, actor("OPERATOR"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteView(shared.id, actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteView(shared.id, actor("OWNER"));
    await deleteView(operatorOwn.id, actor("OPERATOR"));
    expect(await db.crmSavedView.count({ where: { id: { in: [shared.id, operatorOwn.id] } } })).toBe(0);
    await expect(deleteView(mine.id, actor("OWNER"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("CSV export", () => {
  it("streams the filtered list in batches with defused text, audits the export, and refuses an operator", async () => {
    const exportTag = `export-${run}`;
    for (let index = 0; index < 5; index++) await makeCustomer({ name: index === 0 ? "=cmd|' /C calc'!A0" : `Экспорт ${index}`, tags: [exportTag], paidRevenue: BigInt(index * 12345) });
    const stream = await exportCustomersCsv({ tag: exportTag, sort: "revenue", dir: "desc" }, actor("MANAGER"), { batchSize: 2, ip: "10.0.0.2" });
    const text = await new Response(stream).text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toContain("id,type,name");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain("Экспорт 4");
    expect(lines[1]).toContain("493.80"); // 49380 minor = 493.80 RUB
    expect(lines[5]).toContain("'=cmd");
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: users.MANAGER.id, action: "customer.export" }, orderBy: { id: "desc" }, select: { data: true, ip: true } });
    expect(audit).toMatchObject({ ip: "10.0.0.2", data: { query: { tag: exportTag, sort: "revenue", dir: "desc" } } });
    await expect(exportCustomersCsv({}, actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportCustomersCsv({ abcClass: "Z" } as never, actor("MANAGER"))).rejects.toBeInstanceOf(ZodError);
  });
});
