// Deals against a real PostgreSQL: the seed's demo pipeline (table totals 13 243 000 ₽, board
// counts and sums per column), kanban moves (one row written, history in the same transaction,
// rebalance), the rules that refuse a move with nothing written (a stage of another pipeline, LOST
// without a reason), the deal form's checks, pipeline and stage configuration, the deal history
// report's figures, and the cross-access of every operation and route.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { getDealBoard } from "@/lib/crm/deals/get-deal-board";
import { getDealFormOptions, searchDealCustomers } from "@/lib/crm/deals/deal-form-options";
import { getDealHistoryReport } from "@/lib/crm/deals/get-deal-history-report";
import { getDealOrThrow } from "@/lib/crm/deals/get-deal";
import { listCustomerDeals } from "@/lib/crm/deals/list-customer-deals";
import { listDeals } from "@/lib/crm/deals/list-deals";
import { listPipelines } from "@/lib/crm/deals/list-pipelines";
import { createPipeline, deletePipeline, renamePipeline, reorderPipelines } from "@/lib/crm/deals/manage-pipelines";
import { addStage, deleteStage, reorderStages, updateStage } from "@/lib/crm/deals/manage-stages";
import { moveDeal } from "@/lib/crm/deals/move-deal";
import { createDeal, updateDeal } from "@/lib/crm/deals/save-deal";
import { createDemoDeals, DEMO_OPEN_STAGES } from "@/scripts/seed-demo-deals";
import { GET as dealReportCsvRoute } from "@/app/api/admin/crm-reports/deals/route";
import { NextRequest } from "next/server";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/messages/en.json")).default;
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
    getLocale: async () => "en",
  };
});

const run = randomUUID().slice(0, 8);
const users = {} as Record<Role, { id: string; role: Role }>;
const pipelineIds: string[] = [];
const customerIds: string[] = [];
let demoPipelineId = "";

function signInAs(role: Role | null) {
  session.current = role ? { actor: { kind: "staff", id: users[role].id, role, name: role, email: `${role}@deals.test`, sessionVersion: 0 } } : null;
}

async function stagesOf(pipelineId: string) {
  const pipeline = (await listPipelines(users.MANAGER)).find((row) => row.id === pipelineId)!;
  return pipeline.stages;
}

async function expectRefused(run: () => Promise<unknown>, code: string, field?: string) {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "refused").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field) expect(Object.keys((error as AppError).fieldErrors ?? {})).toContain(field);
}

beforeAll(async () => {
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${run}@deals.test`, name: `${role} ${run}`, passwordHash: "x", role }, select: { id: true, role: true } });
    users[role] = user;
  }
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "Рубль", symbol: "₽" } });
  await db.currency.upsert({ where: { code: "USD" }, update: {}, create: { code: "USD", name: "Dollar", symbol: "$" } });
  await db.currency.upsert({ where: { code: "XTS" }, update: { isEnabled: false }, create: { code: "XTS", name: "Test (disabled)", symbol: "X", isEnabled: false } });
  // 21 deals with their history: more than Prisma's default 5 s on a busy machine.
  demoPipelineId = await db.$transaction((tx) => createDemoDeals(tx, [users.OWNER.id, users.MANAGER.id]), { timeout: 60_000 });
  pipelineIds.push(demoPipelineId);
  const demoCustomers = await db.deal.findMany({ where: { pipelineId: demoPipelineId }, select: { customerId: true } });
  customerIds.push(...new Set(demoCustomers.map((row) => row.customerId!)));
});

afterAll(async () => {
  await db.deal.deleteMany({ where: { pipelineId: { in: pipelineIds } } });
  await db.pipeline.deleteMany({ where: { id: { in: pipelineIds } } });
  await db.customer.deleteMany({ where: { id: { in: customerIds } } });
  await db.user.deleteMany({ where: { id: { in: Object.values(users).map((user) => user.id) } } });
  await disconnectDb();
});

describe("the seed's demo deals", () => {
  it("the table shows 21 of 21 and totals 13 243 000 ₽", async () => {
    const list = await listDeals({ pipelineId: demoPipelineId }, users.MANAGER);
    expect(list.total).toBe(21);
    expect(list.shown).toBe(21);
    expect(list.rows).toHaveLength(21);
    expect(list.totals).toEqual([{ currency: "RUB", count: 21, amount: "1324300000" }]); // 13 243 000.00 RUB
    // Newest first: the first row of the seed's table.
    expect(list.rows[0]).toMatchObject({ title: "Аудит", customerName: "RetailGroup", contactName: "Максим Иванов", stageName: "Первичный контакт", budget: "10000000" });
    // A deal without a company has its main contact as a person customer.
    expect(list.rows.find((row) => row.title === "Деловая")).toMatchObject({ customerName: "Дмитрий Корюкин", customerType: "PERSON", contactName: null });
  });

  it("filters, searches and pages the table, with totals of the filtered deals", async () => {
    const search = await listDeals({ pipelineId: demoPipelineId, q: "автопром" }, users.MANAGER);
    expect(search.rows.map((row) => row.title).sort()).toEqual(["2 корп сайта с", "Тех. поддержка"]);
    expect(search.totals).toEqual([{ currency: "RUB", count: 2, amount: "162000000" }]); // 100 000 + 1 520 000 RUB
    const byTitle = await listDeals({ pipelineId: demoPipelineId, q: "интернет-магазин" }, users.MANAGER);
    expect(byTitle.total).toBe(3);
    const tagged = await listDeals({ pipelineId: demoPipelineId, tag: "крупный" }, users.MANAGER);
    expect(tagged.total).toBe(5); // the budgets of 1 000 000 RUB and more
    const responsible = await listDeals({ pipelineId: demoPipelineId, responsibleId: users.OWNER.id }, users.MANAGER);
    expect(responsible.total).toBe(11);
    const page2 = await listDeals({ pipelineId: demoPipelineId, page: "2" }, users.MANAGER, 10);
    expect(page2.rows).toHaveLength(10);
    expect(page2.shown).toBe(20);
    expect(page2.total).toBe(21);
    // Literal wildcards match nothing.
    expect((await listDeals({ pipelineId: demoPipelineId, q: "%" }, users.MANAGER)).total).toBe(0);
  });

  it("the board has the seed's columns with counts and sums", async () => {
    const board = await getDealBoard({ pipelineId: demoPipelineId }, users.MANAGER);
    expect(board.columns.map((column) => column.name)).toEqual([...DEMO_OPEN_STAGES, "Успешно реализовано", "Закрыто и не реализовано"]);
    expect(board.columns.map((column) => column.count)).toEqual([9, 5, 3, 4, 0, 0]);
    // 4 900 000, 3 325 000, 3 080 000 and 1 938 000 RUB in kopecks
    expect(board.columns.map((column) => column.totals[0]?.amount ?? "0")).toEqual(["490000000", "332500000", "308000000", "193800000", "0", "0"]);
    const first = board.columns[0]!.deals.map((deal) => deal.sortOrder);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    const limited = await getDealBoard({ pipelineId: demoPipelineId }, users.MANAGER, 2);
    expect(limited.columns[0]!.deals).toHaveLength(2);
    expect(limited.columns[0]!.count).toBe(9);
  });
});

describe("moving deals", () => {
  let pipelineId = "";
  let stageIds: string[] = [];
  let won = "";
  let lost = "";

  beforeAll(async () => {
    ({ id: pipelineId } = await createPipeline({ name: `Moves ${run}`, stages: [{ name: "A" }, { name: "B" }], wonName: "Won", lostName: "Lost" }, users.MANAGER));
    pipelineIds.push(pipelineId);
    const stages = await stagesOf(pipelineId);
    stageIds = stages.filter((stage) => stage.kind === "OPEN").map((stage) => stage.id);
    won = stages.find((stage) => stage.kind === "WON")!.id;
    lost = stages.find((stage) => stage.kind === "LOST")!.id;
  });

  const newDeal = (title: string, budget = "1000", currency = "RUB") => createDeal({ title, pipelineId, stageId: stageIds[0]!, budget, currency }, users.MANAGER);

  it("a move to another stage writes the deal and one history row in one transaction", async () => {
    const { id } = await newDeal("Move me", "1 250 000,50");
    const created = await db.deal.findUniqueOrThrow({ where: { id }, select: { budget: true, stageChangedAt: true } });
    expect(created.budget).toBe(125000050n); // 1 250 000.50 RUB
    const before = await db.dealStageChange.count({ where: { dealId: id } });
    expect(before).toBe(1); // the creation
    const result = await moveDeal({ dealId: id, stageId: stageIds[1] }, users.MANAGER);
    expect(result.stageChanged).toBe(true);
    const changes = await db.dealStageChange.findMany({ where: { dealId: id }, orderBy: { id: "asc" }, select: { fromStageId: true, toStageId: true, userId: true, createdAt: true } });
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ fromStageId: stageIds[0], toStageId: stageIds[1], userId: users.MANAGER.id });
    const deal = await db.deal.findUniqueOrThrow({ where: { id }, select: { stageId: true, stageChangedAt: true, closedAt: true } });
    expect(deal.stageId).toBe(stageIds[1]);
    expect(deal.stageChangedAt.getTime()).toBe(changes[1]!.createdAt.getTime());
    expect(deal.stageChangedAt.getTime()).toBeGreaterThan(created.stageChangedAt.getTime() - 1);
    // Re-ordering in the same column records nothing.
    await moveDeal({ dealId: id, stageId: stageIds[1] }, users.MANAGER);
    expect(await db.dealStageChange.count({ where: { dealId: id } })).toBe(2);
  });

  it("a stage of another pipeline is refused and nothing is written", async () => {
    const { id } = await newDeal("Stay here");
    const before = await db.deal.findUniqueOrThrow({ where: { id } });
    const otherStage = (await stagesOf(demoPipelineId))[1]!.id;
    await expectRefused(() => moveDeal({ dealId: id, stageId: otherStage }, users.MANAGER), "VALIDATION", "stageId");
    await expectRefused(() => updateDeal(id, { title: "Stay here", pipelineId, stageId: otherStage, currency: "RUB" }, users.MANAGER), "VALIDATION", "stageId");
    expect(await db.deal.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.dealStageChange.count({ where: { dealId: id } })).toBe(1);
  });

  it("LOST needs a reason (nothing written without one); WON and LOST close, reopening clears", async () => {
    const { id } = await newDeal("Lose me");
    await expectRefused(() => moveDeal({ dealId: id, stageId: lost, lostReason: "   " }, users.MANAGER), "VALIDATION", "lostReason");
    expect(await db.dealStageChange.count({ where: { dealId: id } })).toBe(1);
    expect((await db.deal.findUniqueOrThrow({ where: { id }, select: { stageId: true } })).stageId).toBe(stageIds[0]);

    await moveDeal({ dealId: id, stageId: lost, lostReason: "Too expensive" }, users.MANAGER);
    let deal = await db.deal.findUniqueOrThrow({ where: { id }, select: { closedAt: true, lostReason: true } });
    expect(deal.closedAt).not.toBeNull();
    expect(deal.lostReason).toBe("Too expensive");
    const last = await db.dealStageChange.findFirstOrThrow({ where: { dealId: id }, orderBy: { id: "desc" }, select: { note: true, toStageId: true } });
    expect(last).toEqual({ note: "Too expensive", toStageId: lost });

    await moveDeal({ dealId: id, stageId: stageIds[0] }, users.MANAGER);
    deal = await db.deal.findUniqueOrThrow({ where: { id }, select: { closedAt: true, lostReason: true } });
    expect(deal).toEqual({ closedAt: null, lostReason: null });
    await moveDeal({ dealId: id, stageId: won }, users.MANAGER);
    expect((await db.deal.findUniqueOrThrow({ where: { id }, select: { closedAt: true } })).closedAt).not.toBeNull();
  });

  it("a drop between two neighbours writes a midpoint; a used-up gap rebalances the column", async () => {
    const column = await createPipeline({ name: `Order ${run}`, stages: [{ name: "Only" }], wonName: "Won", lostName: "Lost" }, users.MANAGER);
    pipelineIds.push(column.id);
    const only = (await stagesOf(column.id))[0]!.id;
    const make = (title: string) => createDeal({ title, pipelineId: column.id, stageId: only, currency: "RUB" }, users.MANAGER);
    const a = await make("A");
    const b = await make("B");
    const c = await make("C");
    const order = async () => (await getDealBoard({ pipelineId: column.id }, users.MANAGER)).columns[0]!.deals.map((deal) => deal.title);
    expect(await order()).toEqual(["A", "B", "C"]);
    const moved = await moveDeal({ dealId: c.id, stageId: only, afterDealId: a.id, beforeDealId: b.id }, users.MANAGER);
    expect(await order()).toEqual(["A", "C", "B"]);
    const positions = await db.deal.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, sortOrder: true } });
    expect(moved.sortOrder).toBe((positions[0]!.sortOrder + positions[1]!.sortOrder) / 2);
    // To the top.
    await moveDeal({ dealId: b.id, stageId: only, afterDealId: null, beforeDealId: a.id }, users.MANAGER);
    expect(await order()).toEqual(["B", "A", "C"]);
    // Squeeze A and C together: the next drop between them rebalances the column first.
    await db.deal.update({ where: { id: a.id }, data: { sortOrder: 5000 } });
    await db.deal.update({ where: { id: c.id }, data: { sortOrder: 5000 + 1e-9 } });
    await moveDeal({ dealId: b.id, stageId: only, afterDealId: a.id, beforeDealId: c.id }, users.MANAGER);
    expect(await order()).toEqual(["A", "B", "C"]);
    const rebalanced = await db.deal.findMany({ where: { stageId: only }, orderBy: { sortOrder: "asc" }, select: { sortOrder: true } });
    // Rebalanced to B 1024, A 2048, C 3072, then B dropped between A and C.
    expect(rebalanced.map((row) => row.sortOrder)).toEqual([2048, 2560, 3072]);
  });

  it("the board's counts and sums follow a move", async () => {
    const sums = async () =>
      (await getDealBoard({ pipelineId }, users.MANAGER)).columns.map((column) => [column.count, column.totals.find((total) => total.currency === "RUB")?.amount ?? "0"]);
    const { id } = await newDeal("Counted", "500");
    const before = await sums();
    await moveDeal({ dealId: id, stageId: stageIds[1] }, users.MANAGER);
    const after = await sums();
    expect(after[0]![0]).toBe((before[0]![0] as number) - 1);
    expect(after[1]![0]).toBe((before[1]![0] as number) + 1);
    expect(BigInt(after[1]![1] as string) - BigInt(before[1]![1] as string)).toBe(50000n); // 500.00 RUB
    // Sums per currency: a USD deal is not added to roubles.
    await newDeal("Dollars", "10", "USD");
    const column = (await getDealBoard({ pipelineId }, users.MANAGER)).columns[0]!;
    expect(column.totals.find((total) => total.currency === "USD")).toEqual({ currency: "USD", count: 1, amount: "1000" });
  });
});

describe("the deal form's checks", () => {
  it("refuses bad input naming the field, and writes nothing", async () => {
    const stages = await stagesOf(demoPipelineId);
    const base = { title: "Checked", pipelineId: demoPipelineId, stageId: stages[0]!.id, currency: "RUB", budget: "100" };
    // Only this test's titles: other files create deals at the same time.
    const refusedDeals = () => db.deal.count({ where: { title: { in: ["Checked", " "] } } });
    const count = await refusedDeals();
    const otherCustomer = customerIds[1]!;
    const contact = await db.contactPerson.findFirstOrThrow({ where: { customerId: customerIds[0]! }, select: { id: true } });
    await expectRefused(() => createDeal({ ...base, title: " " }, users.MANAGER), "VALIDATION", "title");
    await expectRefused(() => createDeal({ ...base, budget: "12,345" }, users.MANAGER), "VALIDATION", "budget");
    await expectRefused(() => createDeal({ ...base, currency: "XTS" }, users.MANAGER), "VALIDATION", "currency");
    await expectRefused(() => createDeal({ ...base, probability: "101" }, users.MANAGER), "VALIDATION", "probability");
    await expectRefused(() => createDeal({ ...base, customerId: otherCustomer, contactPersonId: contact.id }, users.MANAGER), "VALIDATION", "contactPersonId");
    await expectRefused(() => createDeal({ ...base, responsibleId: users.OPERATOR.id }, users.MANAGER), "VALIDATION", "responsibleId");
    await expectRefused(() => createDeal({ ...base, stageId: stages.find((stage) => stage.kind === "LOST")!.id }, users.MANAGER), "VALIDATION", "lostReason");
    expect(await refusedDeals()).toBe(count);
  });

  it("saves every field, and the card shows them with the history", async () => {
    const stages = await stagesOf(demoPipelineId);
    const contact = await db.contactPerson.findFirstOrThrow({ where: { customerId: customerIds[0]! }, select: { id: true } });
    const { id } = await createDeal(
      {
        title: "Full",
        pipelineId: demoPipelineId,
        stageId: stages[0]!.id,
        customerId: customerIds[0],
        contactPersonId: contact.id,
        responsibleId: users.OWNER.id,
        budget: "99.99",
        currency: "USD",
        expectedCloseAt: "2027-01-31",
        probability: "40",
        tags: "vip, b2b, vip",
        notes: "Call on Monday",
      },
      users.MANAGER,
    );
    await updateDeal(
      id,
      { title: "Full", pipelineId: demoPipelineId, stageId: stages[1]!.id, customerId: customerIds[0], contactPersonId: contact.id, budget: "100", currency: "USD", tags: ["vip"] },
      users.MANAGER,
    );
    const card = await getDealOrThrow(id, users.MANAGER);
    expect(card).toMatchObject({ budget: "10000", currency: "USD", tags: ["vip"], stage: { id: stages[1]!.id }, contactPerson: { id: contact.id }, customer: { id: customerIds[0] } });
    expect(card.history.map((change) => [change.fromStage, change.toStage])).toEqual([
      [stages[0]!.name, stages[1]!.name],
      [null, stages[0]!.name],
    ]);
    expect((await listCustomerDeals(customerIds[0], users.MANAGER)).some((deal) => deal.id === id)).toBe(true);
    await db.deal.delete({ where: { id } });
  });
});

describe("the deal form's customer search", () => {
  it("finds a card by any of its phones, an address or a contact person, over the indexed contact tables", async () => {
    const digits = `79${String(Date.now()).slice(-9)}`;
    const customer = await db.customer.create({
      data: {
        type: "COMPANY",
        name: `ООО "Поиск ${run}"`,
        phones: { create: [{ phone: `+${digits}`, normalized: `+${digits}`, isPrimary: false }] },
        emails: { create: [{ email: `deal-search-${run}@example.test`, normalized: `deal-search-${run}@example.test`, isPrimary: false }] },
        contactPersons: { create: [{ name: `Контактов ${run}` }] },
      },
      select: { id: true },
    });
    customerIds.push(customer.id);
    const found = async (q: string) => (await searchDealCustomers({ q }, users.MANAGER)).map((option) => option.id);
    // A second phone lives only in CustomerPhone (the card's own phone column is empty).
    expect(await found(digits.slice(2))).toContain(customer.id);
    expect(await found(`deal-search-${run}@example`)).toContain(customer.id);
    expect(await found(`Контактов ${run}`)).toContain(customer.id);
    expect(await found(`Поиск ${run}`)).toEqual([customer.id]);
  });
});

describe("pipelines and stages", () => {
  it("creates with fixed WON and LOST, renames, reorders; deletes only what is empty", async () => {
    const { id } = await createPipeline({ name: `Config ${run}`, stages: [{ name: "One", color: "#123456" }, { name: "Two" }], wonName: "Won", lostName: "Lost" }, users.OWNER);
    pipelineIds.push(id);
    let stages = await stagesOf(id);
    expect(stages.map((stage) => [stage.name, stage.kind])).toEqual([
      ["One", "OPEN"],
      ["Two", "OPEN"],
      ["Won", "WON"],
      ["Lost", "LOST"],
    ]);
    await renamePipeline({ pipelineId: id, name: "Renamed" }, users.OWNER);
    const three = await addStage({ pipelineId: id, name: "Three" }, users.OWNER);
    await updateStage({ stageId: three.id, name: "Third", color: "#abcdef" }, users.OWNER);
    await reorderStages({ pipelineId: id, stageIds: [three.id, stages[0]!.id, stages[1]!.id] }, users.OWNER);
    stages = await stagesOf(id);
    expect(stages.map((stage) => stage.name)).toEqual(["Third", "One", "Two", "Won", "Lost"]);
    expect(stages[0]!.color).toBe("#abcdef");
    await expectRefused(() => reorderStages({ pipelineId: id, stageIds: [three.id] }, users.OWNER), "CONFLICT");
    await expectRefused(() => updateStage({ stageId: three.id, name: "x", color: "red" }, users.OWNER), "VALIDATION", "color");
    await expectRefused(() => deleteStage({ stageId: stages[3]!.id }, users.OWNER), "CONFLICT");
    await createDeal({ title: "Blocker", pipelineId: id, stageId: three.id, currency: "RUB" }, users.OWNER);
    await expectRefused(() => deleteStage({ stageId: three.id }, users.OWNER), "CONFLICT");
    await expectRefused(() => deletePipeline({ pipelineId: id }, users.OWNER), "CONFLICT");
    await deleteStage({ stageId: stages[1]!.id }, users.OWNER);
    expect((await stagesOf(id)).map((stage) => stage.name)).toEqual(["Third", "Two", "Won", "Lost"]);

    // A stage deals passed through is archived, not erased: their path keeps its name.
    const traveller = await createDeal({ title: "Traveller", pipelineId: id, stageId: stages[0]!.id, currency: "RUB" }, users.OWNER);
    await moveDeal({ dealId: traveller.id, stageId: stages[2]!.id }, users.OWNER);
    await moveDeal({ dealId: traveller.id, stageId: stages[0]!.id }, users.OWNER);
    await deleteStage({ stageId: stages[2]!.id }, users.OWNER);
    expect((await stagesOf(id)).map((stage) => stage.name)).toEqual(["Third", "Won", "Lost"]);
    expect((await getDealBoard({ pipelineId: id }, users.OWNER)).columns.map((column) => column.name)).toEqual(["Third", "Won", "Lost"]);
    const path = await db.dealStageChange.findMany({
      where: { dealId: traveller.id },
      orderBy: { id: "asc" },
      select: { fromStage: { select: { name: true } }, toStage: { select: { name: true } } },
    });
    expect(path.map((change) => [change.fromStage?.name ?? null, change.toStage?.name ?? null])).toEqual([
      [null, "Third"],
      ["Third", "Two"],
      ["Two", "Third"],
    ]);
    await expectRefused(() => moveDeal({ dealId: traveller.id, stageId: stages[2]!.id }, users.OWNER), "VALIDATION");
    await expectRefused(() => deleteStage({ stageId: stages[2]!.id }, users.OWNER), "NOT_FOUND");

    const empty = await createPipeline({ name: `Empty ${run}`, stages: [{ name: "Only" }], wonName: "Won", lostName: "Lost" }, users.OWNER);
    const only = (await stagesOf(empty.id))[0]!.id;
    await expectRefused(() => deleteStage({ stageId: only }, users.OWNER), "CONFLICT");
    // The order names every pipeline, and other test files create theirs meanwhile: a list gone
    // stale is refused (staleOrder) and read again, as the admin's page does.
    const reorderAll = async (order: (ids: string[]) => string[]) => {
      for (let attempt = 1; ; attempt++) {
        const ids = (await listPipelines(users.OWNER)).map((pipeline) => pipeline.id);
        try {
          return await reorderPipelines({ pipelineIds: order(ids) }, users.OWNER);
        } catch (error) {
          if (attempt >= 5 || !(error instanceof AppError && error.message === "crmDeals.errors.staleOrder")) throw error;
        }
      }
    };
    await expectRefused(() => reorderPipelines({ pipelineIds: [empty.id] }, users.OWNER), "CONFLICT");
    const before = (await listPipelines(users.OWNER)).map((pipeline) => pipeline.id);
    await reorderAll((ids) => [empty.id, ...ids.filter((pipelineId) => pipelineId !== empty.id)]);
    expect((await listPipelines(users.OWNER))[0]!.id).toBe(empty.id);
    await reorderAll((ids) => [...before.filter((pipelineId) => ids.includes(pipelineId)), ...ids.filter((pipelineId) => !before.includes(pipelineId))]);
    await deletePipeline({ pipelineId: empty.id }, users.OWNER);
    expect(await db.pipeline.count({ where: { id: empty.id } })).toBe(0);
    expect(await db.dealStage.count({ where: { pipelineId: empty.id } })).toBe(0);
    await expectRefused(() => createPipeline({ name: "No stages", stages: [], wonName: "W", lostName: "L" }, users.OWNER), "VALIDATION", "stages");
  });
});

describe("the deal history report", () => {
  it("counts stage entries, time in stage, won/lost with reasons and conversion for the period", async () => {
    const { id: pipelineId } = await createPipeline(
      { name: `Report ${run}`, stages: [{ name: "First" }, { name: "Talks" }, { name: "Decision" }], wonName: "Won", lostName: "Lost" },
      users.MANAGER,
    );
    pipelineIds.push(pipelineId);
    const stages = await stagesOf(pipelineId);
    const [first, talks, decision, won, lost] = stages.map((stage) => stage.id) as [string, string, string, string, string];
    // May 2019 (Moscow, UTC+3): four deals, each with a fixed path.
    const at = (day: number, hour = 9) => new Date(Date.UTC(2019, 4, day, hour - 3));
    const specs = [
      { path: [first, talks, decision, won], days: [1, 3, 5, 8], budget: 1_000_000n, stage: won, closed: 8, reason: null }, // 10 000.00 RUB
      { path: [first, talks, lost], days: [2, 4, 6], budget: 50_000n, stage: lost, closed: 6, reason: "Price" }, // 500.00 RUB
      { path: [first, lost], days: [2, 3], budget: 70_000n, stage: lost, closed: 3, reason: "Price" }, // 700.00 RUB
      { path: [first], days: [10], budget: 0n, stage: first, closed: null, reason: null },
    ];
    for (const [index, spec] of specs.entries()) {
      await db.deal.create({
        data: {
          title: `R${index}`,
          pipelineId,
          stageId: spec.stage,
          currency: "RUB",
          budget: spec.budget,
          createdAt: at(spec.days[0]!),
          closedAt: spec.closed ? at(spec.closed) : null,
          lostReason: spec.reason,
          stageChanges: {
            create: spec.path.map((stageId, step) => ({
              fromStageId: step ? spec.path[step - 1]! : null,
              toStageId: stageId,
              userId: users.MANAGER.id,
              note: stageId === lost ? spec.reason : null,
              createdAt: at(spec.days[step]!),
            })),
          },
        },
      });
    }
    const report = await getDealHistoryReport({ period: "custom", from: "2019-05-01", to: "2019-05-31", pipelineId }, users.MANAGER);
    expect(report.pipelineId).toBe(pipelineId);
    expect(report.createdCount).toBe(4);
    const byName = Object.fromEntries(report.stages.map((stage) => [stage.name, stage]));
    expect(byName.First).toMatchObject({ entered: 4, stays: 3, reached: 4, advanced: 2, conversionBp: 5000 });
    // First: 2 days, 2 days and 1 day → 5/3 days on average.
    expect(byName.First!.averageSeconds).toBe(Math.round((5 * 86_400) / 3));
    expect(byName.Talks).toMatchObject({ entered: 2, stays: 2, averageSeconds: 2 * 86_400, reached: 2, advanced: 1, conversionBp: 5000 });
    expect(byName.Decision).toMatchObject({ entered: 1, averageSeconds: 3 * 86_400, reached: 1, advanced: 1, conversionBp: 10_000 });
    expect(byName.Won).toMatchObject({ entered: 1, reached: 1, advanced: null, conversionBp: null });
    expect(byName.Lost).toMatchObject({ entered: 2, reached: null });
    expect(report.won).toEqual({ count: 1, totals: [{ currency: "RUB", count: 1, amount: "1000000" }] });
    expect(report.lost.count).toBe(2);
    expect(report.lost.totals).toEqual([{ currency: "RUB", count: 2, amount: "120000" }]); // 1 200.00 RUB
    expect(report.lost.reasons).toEqual([{ reason: "Price", count: 2 }]);
    expect(report.changeCount).toBe(10);
    expect(report.changes[0]).toMatchObject({ dealTitle: "R3", toStage: "First", fromStage: null });
    // June: nothing happened.
    const june = await getDealHistoryReport({ period: "custom", from: "2019-06-01", to: "2019-06-30", pipelineId }, users.MANAGER);
    expect(june.changeCount).toBe(0);
    expect(june.won.count + june.lost.count + june.createdCount).toBe(0);
  });
});

describe("cross-access", () => {
  it("OPERATOR, LOGISTICS and ACCOUNTANT are refused by every deals operation", async () => {
    const stage = (await stagesOf(demoPipelineId))[0]!;
    const deal = await db.deal.findFirstOrThrow({ where: { pipelineId: demoPipelineId }, select: { id: true } });
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      const actor = users[role];
      const attempts: (() => Promise<unknown>)[] = [
        () => listDeals({ pipelineId: demoPipelineId }, actor),
        () => getDealBoard({ pipelineId: demoPipelineId }, actor),
        () => getDealOrThrow(deal.id, actor),
        () => listPipelines(actor),
        () => getDealFormOptions(actor),
        () => searchDealCustomers({ q: "Auto" }, actor),
        () => listCustomerDeals(customerIds[0], actor),
        () => createDeal({ title: "x", pipelineId: demoPipelineId, stageId: stage.id, currency: "RUB" }, actor),
        () => updateDeal(deal.id, { title: "x", pipelineId: demoPipelineId, stageId: stage.id, currency: "RUB" }, actor),
        () => moveDeal({ dealId: deal.id, stageId: stage.id }, actor),
        () => createPipeline({ name: "x", stages: [{ name: "a" }], wonName: "w", lostName: "l" }, actor),
        () => renamePipeline({ pipelineId: demoPipelineId, name: "x" }, actor),
        () => reorderPipelines({ pipelineIds: [demoPipelineId] }, actor),
        () => deletePipeline({ pipelineId: demoPipelineId }, actor),
        () => addStage({ pipelineId: demoPipelineId, name: "x" }, actor),
        () => updateStage({ stageId: stage.id, name: "x" }, actor),
        () => reorderStages({ pipelineId: demoPipelineId, stageIds: [stage.id] }, actor),
        () => deleteStage({ stageId: stage.id }, actor),
        () => getDealHistoryReport({ period: "30d", pipelineId: demoPipelineId }, actor),
      ];
      for (const attempt of attempts) await expectRefused(attempt, "FORBIDDEN");
    }
    expect((await db.pipeline.findUniqueOrThrow({ where: { id: demoPipelineId } })).name).toBe("Продажи");
    // MANAGER and OWNER may.
    await expect(getDealHistoryReport({ period: "30d", pipelineId: demoPipelineId }, users.OWNER)).resolves.toBeTruthy();
    await expect(searchDealCustomers({ q: "Автопром" }, users.MANAGER)).resolves.toEqual([expect.objectContaining({ name: 'ООО "Автопром"', type: "COMPANY" })]);
  });

  it("the report's CSV route answers the manager and refuses the others", async () => {
    const csv = (query: string) => dealReportCsvRoute(new NextRequest(`http://localhost:3000/api/admin/crm-reports/deals?${query}`));
    signInAs("MANAGER");
    const response = await csv(`pipelineId=${demoPipelineId}&period=30d`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe('Stage,Kind,Entered,Average days in stage,Reached,Went on,"Conversion, %"');
    expect(lines[1]).toMatch(/^Первичный контакт,OPEN,21,/);
    expect(text).toContain("Аудит");
    expect((await csv(`pipelineId=${demoPipelineId}&period=custom&from=2026-13-01&to=2026-01-01`)).status).toBe(422);
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      signInAs(role);
      expect((await csv(`pipelineId=${demoPipelineId}`)).status).toBe(403);
    }
    signInAs(null);
    expect((await csv(`pipelineId=${demoPipelineId}`)).status).toBe(401);
  });
});
