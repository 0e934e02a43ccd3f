// Logging interactions against a real PostgreSQL: the target's customer is implied by an order or
// a deal and checked when several are given; a next step with a due time becomes a task in the same
// transaction (so a refused task leaves no interaction either); who may log and read where.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listInteractions } from "@/lib/crm/interactions/list-interactions";
import { logInteraction } from "@/lib/crm/interactions/log-interaction";
import { db, disconnectDb } from "@/lib/db";
import { actorOf, createCrmWorld, removeCrmWorld, type CrmWorld } from "../helpers/crm-task-fixtures";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
let world: CrmWorld;
// Next steps far ahead: the reminder test of crm-tasks.test.ts, running beside, must not take them.
const LATER = "2031-03-02T10:00:00+03:00";

const counts = async () => ({
  interactions: await db.interaction.count({ where: { customerId: { in: [world.customerA.id, world.customerB.id] } } }),
  tasks: await db.task.count({
    where: { OR: [{ customerId: { in: [world.customerA.id, world.customerB.id] } }, { createdById: { in: Object.values(world.users).map((user) => user.id) } }] },
  }),
});

beforeAll(async () => {
  world = await createCrmWorld(run);
});

afterAll(async () => {
  await removeCrmWorld(world);
  await disconnectDb();
});

describe("logging an interaction", () => {
  it("on an order (by an operator): the customer is the order's, the next step a call task for the operator in the same transaction", async () => {
    const operator = actorOf(world.users.operator);
    const before = await counts();
    const logged = await logInteraction(
      { kind: "CALL", orderId: world.orderA.id, result: "Клиент подтвердил адрес", nextStep: "Перезвонить после доставки", nextStepDueAt: LATER },
      operator,
    );
    expect(logged.taskId).not.toBeNull();
    const interaction = await db.interaction.findUniqueOrThrow({
      where: { id: logged.id },
      select: { customerId: true, orderId: true, userId: true, kind: true, nextStep: true, nextStepDueAt: true, occurredAt: true },
    });
    expect(interaction).toMatchObject({ customerId: world.customerA.id, orderId: world.orderA.id, userId: operator.id, kind: "CALL", nextStep: "Перезвонить после доставки" });
    expect(interaction.nextStepDueAt?.toISOString()).toBe("2031-03-02T07:00:00.000Z");
    expect(Math.abs(interaction.occurredAt.getTime() - Date.now())).toBeLessThan(10_000);
    const task = await db.task.findUniqueOrThrow({ where: { id: logged.taskId! } });
    expect(task).toMatchObject({
      kind: "CALL",
      status: "OPEN",
      title: "Перезвонить после доставки",
      assigneeId: operator.id,
      createdById: operator.id,
      customerId: world.customerA.id,
      orderId: world.orderA.id,
      dealId: null,
      interactionId: logged.id,
      reminderSentAt: null,
    });
    expect(await counts()).toEqual({ interactions: before.interactions + 1, tasks: before.tasks + 1 });
  });

  it("on a deal: the deal's customer, a chosen contact person, an OTHER task for another employee", async () => {
    const manager = actorOf(world.users.manager);
    const logged = await logInteraction(
      {
        kind: "MEETING",
        dealId: world.dealA.id,
        contactPersonId: world.personA.id,
        subject: "Презентация",
        nextStep: "Отправить договор",
        nextStepDueAt: LATER,
        nextStepAssigneeId: world.users.owner.id,
      },
      manager,
    );
    expect(await db.interaction.findUniqueOrThrow({ where: { id: logged.id }, select: { customerId: true, dealId: true, contactPersonId: true } })).toEqual({
      customerId: world.customerA.id,
      dealId: world.dealA.id,
      contactPersonId: world.personA.id,
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: logged.taskId! }, select: { kind: true, assigneeId: true, createdById: true, dealId: true, customerId: true } })).toEqual({
      kind: "OTHER",
      assigneeId: world.users.owner.id,
      createdById: manager.id,
      dealId: world.dealA.id,
      customerId: world.customerA.id,
    });
  });

  it("keeps a next step without a due time on the interaction only, and takes a given past time", async () => {
    const before = await counts();
    const logged = await logInteraction(
      { kind: "NOTE", customerId: world.customerB.id, content: "Любит звонки после 18:00", nextStep: "Предложить новинку", occurredAt: "2026-01-10T18:30" },
      actorOf(world.users.manager),
    );
    expect(logged.taskId).toBeNull();
    const row = await db.interaction.findUniqueOrThrow({ where: { id: logged.id }, select: { occurredAt: true, nextStep: true } });
    expect(row).toEqual({ occurredAt: new Date("2026-01-10T15:30:00.000Z"), nextStep: "Предложить новинку" });
    expect(await counts()).toEqual({ interactions: before.interactions + 1, tasks: before.tasks });
  });

  it("follows a merged card to the card it was merged into", async () => {
    const merged = await db.customer.create({ data: { name: `Дубль ${run}`, mergedIntoId: world.customerA.id, mergedAt: new Date() }, select: { id: true } });
    try {
      const logged = await logInteraction({ kind: "CALL", customerId: merged.id, result: "Не дозвонились" }, actorOf(world.users.manager));
      expect((await db.interaction.findUniqueOrThrow({ where: { id: logged.id }, select: { customerId: true } })).customerId).toBe(world.customerA.id);
    } finally {
      await db.customer.delete({ where: { id: merged.id } });
    }
  });

  it.each([
    ["an order of another customer", () => ({ customerId: world.customerA.id, orderId: world.orderB.id }), "orderId", "notSameCustomer"],
    ["a deal of another customer", () => ({ orderId: world.orderB.id, dealId: world.dealA.id }), "dealId", "notSameCustomer"],
    ["a contact person of another customer", () => ({ customerId: world.customerA.id, contactPersonId: world.personB.id }), "contactPersonId", "contactOfAnotherCustomer"],
    ["a deal without a customer", () => ({ dealId: world.dealWithoutCustomer.id }), "dealId", "dealWithoutCustomer"],
    ["an order that does not exist", () => ({ orderId: `missing-${run}` }), "orderId", "orderNotFound"],
    ["a customer that does not exist", () => ({ customerId: `missing-${run}` }), "customerId", "customerNotFound"],
    ["a contact person that does not exist", () => ({ customerId: world.customerA.id, contactPersonId: `missing-${run}` }), "contactPersonId", "contactNotFound"],
  ])("refuses %s and writes nothing (no interaction, no task)", async (_name, target, field, key) => {
    const before = await counts();
    await expect(logInteraction({ kind: "CALL", ...target(), result: "x", nextStep: "Перезвонить", nextStepDueAt: LATER }, actorOf(world.users.owner))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { [field]: [`crmInteractions.errors.${key}`] },
    });
    expect(await counts()).toEqual(before);
  });

  it("rolls the interaction back when its next step's task is refused (an inactive or a logistics employee)", async () => {
    const before = await counts();
    for (const assignee of [world.users.inactive, world.users.logistics]) {
      await expect(
        logInteraction(
          { kind: "CALL", customerId: world.customerA.id, result: "Договорились", nextStep: "Перезвонить", nextStepDueAt: LATER, nextStepAssigneeId: assignee.id },
          actorOf(world.users.manager),
        ),
      ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { assigneeId: ["crmInteractions.errors.assigneeInvalid"] } });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a time in the future, an empty interaction and a due time without a next step", async () => {
    const before = await counts();
    const manager = actorOf(world.users.manager);
    const inFiveMinutes = new Date(Date.now() + 5 * 60_000).toISOString();
    await expect(logInteraction({ kind: "CALL", customerId: world.customerA.id, result: "x", occurredAt: inFiveMinutes }, manager)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { occurredAt: ["crmInteractions.errors.timeInFuture"] },
    });
    await expect(logInteraction({ kind: "CALL", customerId: world.customerA.id }, manager)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(logInteraction({ kind: "CALL", customerId: world.customerA.id, result: "x", nextStepDueAt: LATER }, manager)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await counts()).toEqual(before);
  });
});

describe("who may log and read interactions", () => {
  it("lets an operator log only on orders", async () => {
    const before = await counts();
    const operator = actorOf(world.users.operator);
    await expect(logInteraction({ kind: "CALL", customerId: world.customerA.id, result: "x" }, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(logInteraction({ kind: "CALL", dealId: world.dealA.id, result: "x" }, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An order id beside the deal's (a hidden field edited) does not open the MANAGER-only deal.
    await expect(logInteraction({ kind: "CALL", orderId: world.orderA.id, dealId: world.dealA.id, result: "x", nextStep: "y", nextStepDueAt: LATER }, operator)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses logistics and accounting everywhere: logging and reading", async () => {
    const before = await counts();
    for (const user of [world.users.logistics, world.users.accountant]) {
      const actor = actorOf(user);
      for (const target of [{ orderId: world.orderA.id }, { customerId: world.customerA.id }, { dealId: world.dealA.id }]) {
        await expect(logInteraction({ kind: "CALL", ...target, result: "x" }, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(listInteractions(target as { orderId: string }, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("lists a customer's, an order's and a deal's interactions, newest first, with the tasks they made", async () => {
    const manager = actorOf(world.users.manager);
    const ofCustomer = await listInteractions({ customerId: world.customerA.id }, manager);
    expect(ofCustomer.length).toBeGreaterThanOrEqual(3);
    const times = ofCustomer.map((row) => row.occurredAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const ofOrder = await listInteractions({ orderId: world.orderA.id }, actorOf(world.users.operator));
    expect(ofOrder).toHaveLength(1);
    expect(ofOrder[0]).toMatchObject({
      kind: "CALL",
      result: "Клиент подтвердил адрес",
      user: { id: world.users.operator.id },
      tasks: [{ title: "Перезвонить после доставки", status: "OPEN" }],
    });
    const ofDeal = await listInteractions({ dealId: world.dealA.id }, manager);
    expect(ofDeal.map((row) => row.subject)).toEqual(["Презентация"]);
    // A deal is a manager's: the operator reads the order's interactions, not the deal's.
    await expect(listInteractions({ dealId: world.dealA.id }, actorOf(world.users.operator))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listInteractions({ customerId: world.customerA.id }, actorOf(world.users.operator))).toHaveLength(ofCustomer.length);
  });
});
