// Tasks against a real PostgreSQL: a due time is required; who may be responsible; the status
// moves; an OPERATOR's scope (tasks of orders and their own); LOGISTICS and ACCOUNTANT refused for
// every operation; and the "task is due" reminder: one mail per task and due time, however often
// or however concurrently the job runs, none for done or cancelled tasks, again after rescheduling.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelTask } from "@/lib/crm/tasks/cancel-task";
import { completeTask } from "@/lib/crm/tasks/complete-task";
import { createTask } from "@/lib/crm/tasks/create-task";
import { getTaskOrThrow, listLinkedTasks, listMyDueTasks, listMyTasks, listTasks } from "@/lib/crm/tasks/list-tasks";
import { reassignTask } from "@/lib/crm/tasks/reassign-task";
import { reopenTask } from "@/lib/crm/tasks/reopen-task";
import { rescheduleTask } from "@/lib/crm/tasks/reschedule-task";
import { sendTaskReminders, taskDueMailKey } from "@/lib/crm/tasks/send-task-reminders";
import { taskRemindersJob } from "@/lib/crm/tasks/task-reminders-job";
import { db, disconnectDb } from "@/lib/db";
import { sendMailJob, ZSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { closeMailTransport, setMailTransport } from "@/lib/mail/transport";
import { actorOf, createCrmWorld, removeCrmWorld, type CrmWorld } from "../helpers/crm-task-fixtures";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
let world: CrmWorld;
const FAR = "2031-06-01T10:00:00+03:00";

const taskCount = () => db.task.count({ where: { createdById: { in: Object.values(world.users).map((user) => user.id) } } });
const reminderRows = (taskId: string) =>
  db.outboxEvent.findMany({ where: { jobName: "mail.send", payload: { path: ["idempotencyKey"], string_starts_with: `task:${taskId}:due:` } }, select: { payload: true } });

beforeAll(async () => {
  world = await createCrmWorld(run);
  setMailTransport({ from: "Lavka Test <shop@lavka.test>" });
});

afterAll(async () => {
  await removeCrmWorld(world);
  closeMailTransport();
  await disconnectDb();
});

describe("creating a task", () => {
  it("requires a due time: a clear error on that field and nothing written", async () => {
    const before = await taskCount();
    for (const dueAt of [undefined, "", "not a time"]) {
      await expect(createTask({ kind: "CALL", title: "Перезвонить", dueAt, customerId: world.customerA.id }, actorOf(world.users.manager))).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { dueAt: [dueAt === "not a time" ? "crmTasks.errors.dueInvalid" : "crmTasks.errors.dueRequired"] },
      });
    }
    expect(await taskCount()).toBe(before);
  });

  it("assigns the creator by default, links the order's customer, reads the form's time on the Moscow clock", async () => {
    const task = await createTask({ kind: "CALL", title: "Уточнить адрес", dueAt: "2031-06-01T12:00", orderId: world.orderA.id }, actorOf(world.users.operator));
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      assigneeId: world.users.operator.id,
      createdById: world.users.operator.id,
      customerId: world.customerA.id,
      orderId: world.orderA.id,
      status: "OPEN",
      dueAt: new Date("2031-06-01T09:00:00.000Z"),
    });
  });

  it("takes only active employees who can work on tasks as responsible", async () => {
    const before = await taskCount();
    for (const assignee of [world.users.inactive, world.users.logistics, world.users.accountant, { id: `missing-${run}` }]) {
      await expect(createTask({ title: "Встреча", dueAt: FAR, assigneeId: assignee.id }, actorOf(world.users.manager))).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { assigneeId: ["crmTasks.errors.assigneeInvalid"] },
      });
    }
    expect(await taskCount()).toBe(before);
    const standalone = await createTask({ kind: "MEETING", title: "Встреча с поставщиком", dueAt: FAR, assigneeId: world.users.operator2.id }, actorOf(world.users.manager));
    expect(await db.task.findUniqueOrThrow({ where: { id: standalone.id }, select: { assigneeId: true, customerId: true } })).toEqual({
      assigneeId: world.users.operator2.id,
      customerId: null,
    });
  });

  it("refuses links that do not belong together", async () => {
    await expect(createTask({ title: "x", dueAt: FAR, customerId: world.customerB.id, orderId: world.orderA.id }, actorOf(world.users.manager))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { orderId: ["crmTasks.errors.notSameCustomer"] },
    });
  });
});

describe("changing a task", () => {
  it("completes with a result (required), refuses a second completion, reopens, cancels", async () => {
    const manager = actorOf(world.users.manager);
    const { id } = await createTask({ title: "Перезвонить", dueAt: FAR, customerId: world.customerA.id }, manager);
    await expect(completeTask(id, { result: " " }, manager)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { result: ["crmTasks.errors.resultRequired"] } });
    expect((await db.task.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");

    await completeTask(id, { result: "Заказ подтверждён" }, manager);
    expect(await db.task.findUniqueOrThrow({ where: { id }, select: { status: true, result: true, completedAt: true } })).toMatchObject({
      status: "DONE",
      result: "Заказ подтверждён",
      completedAt: expect.any(Date),
    });
    await expect(completeTask(id, { result: "ещё раз" }, manager)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(rescheduleTask(id, { dueAt: FAR }, manager)).rejects.toMatchObject({ code: "CONFLICT" });

    await reopenTask(id, manager);
    expect(await db.task.findUniqueOrThrow({ where: { id }, select: { status: true, result: true, completedAt: true } })).toEqual({ status: "OPEN", result: null, completedAt: null });
    await cancelTask(id, { result: "Клиент передумал" }, manager);
    expect((await db.task.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
    await expect(reopenTask(`missing-${run}`, manager)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("completes once when two people press at the same time", async () => {
    const manager = actorOf(world.users.manager);
    const { id } = await createTask({ title: "Одновременно", dueAt: FAR, customerId: world.customerA.id }, manager);
    const results = await Promise.allSettled([completeTask(id, { result: "первый" }, manager), completeTask(id, { result: "второй" }, actorOf(world.users.owner))]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it("reassigns to an active employee only", async () => {
    const manager = actorOf(world.users.manager);
    const { id } = await createTask({ title: "Передать", dueAt: FAR, customerId: world.customerA.id }, manager);
    await expect(reassignTask(id, { assigneeId: world.users.inactive.id }, manager)).rejects.toMatchObject({ code: "VALIDATION" });
    await reassignTask(id, { assigneeId: world.users.operator.id }, manager);
    expect((await db.task.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(world.users.operator.id);
  });

  it("rescheduling an open task into the future arms its reminder again; into the past keeps it", async () => {
    const manager = actorOf(world.users.manager);
    const { id } = await createTask({ title: "Перенос", dueAt: FAR, customerId: world.customerA.id }, manager);
    const sentAt = new Date("2026-01-01T00:00:00Z");
    await db.task.update({ where: { id }, data: { reminderSentAt: sentAt } });
    await rescheduleTask(id, { dueAt: "2020-01-01T10:00" }, manager);
    expect(await db.task.findUniqueOrThrow({ where: { id }, select: { dueAt: true, reminderSentAt: true } })).toEqual({
      dueAt: new Date("2020-01-01T07:00:00.000Z"),
      reminderSentAt: sentAt,
    });
    await rescheduleTask(id, { dueAt: FAR }, manager);
    expect((await db.task.findUniqueOrThrow({ where: { id } })).reminderSentAt).toBeNull();
    await expect(rescheduleTask(id, { dueAt: "" }, manager)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { dueAt: ["crmTasks.errors.dueRequired"] } });
  });
});

describe("an operator's tasks", () => {
  it("sees and works only the tasks of orders and their own", async () => {
    const manager = actorOf(world.users.manager);
    const operator = actorOf(world.users.operator2);
    const customerTask = await createTask({ title: "Только для менеджера", dueAt: FAR, customerId: world.customerB.id }, manager);
    const orderTask = await createTask({ title: "По заказу", dueAt: FAR, orderId: world.orderB.id }, manager);
    const ownTask = await createTask({ title: "Свою задачу", dueAt: FAR, customerId: world.customerB.id, assigneeId: operator.id }, manager);

    await expect(completeTask(customerTask.id, { result: "x" }, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rescheduleTask(customerTask.id, { dueAt: FAR }, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getTaskOrThrow(customerTask.id, operator)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createTask({ title: "x", dueAt: FAR, customerId: world.customerB.id }, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Deals are MANAGER's: an order id beside a deal of the same customer does not open it.
    const dealTasks = await db.task.count({ where: { dealId: world.dealA.id } });
    await expect(createTask({ title: "x", dueAt: FAR, orderId: world.orderA.id, dealId: world.dealA.id }, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.task.count({ where: { dealId: world.dealA.id } })).toBe(dealTasks);

    const { rows } = await listTasks({ customerId: world.customerB.id, take: 200 }, operator);
    const seen = rows.map((row) => row.id);
    expect(seen).toContain(orderTask.id);
    expect(seen).toContain(ownTask.id);
    expect(seen).not.toContain(customerTask.id);
    const linked = (await listLinkedTasks({ customerId: world.customerB.id }, operator)).map((row) => row.id);
    expect(linked).toEqual(expect.arrayContaining([orderTask.id, ownTask.id]));
    expect(linked).not.toContain(customerTask.id);
    expect((await listTasks({ customerId: world.customerB.id, take: 200 }, manager)).rows.map((row) => row.id)).toContain(customerTask.id);

    await completeTask(orderTask.id, { result: "Подтвердил" }, operator);
    await completeTask(ownTask.id, { result: "Готово" }, operator);
  });
});

describe("reading tasks", () => {
  it("groups my open tasks into overdue, today and upcoming, and the dashboard takes overdue and today", async () => {
    const me = actorOf(world.users.owner);
    const now = new Date("2031-01-10T09:00:00Z"); // 12:00 in Moscow
    const make = (title: string, dueAt: string) => createTask({ title, dueAt, customerId: world.customerA.id }, me);
    const overdue = await make("Просрочена", "2031-01-10T08:00:00Z");
    const today = await make("Сегодня", "2031-01-10T20:30:00Z"); // 23:30 in Moscow
    const tomorrow = await make("Завтра", "2031-01-10T21:30:00Z"); // 00:30 on the 11th in Moscow
    const done = await make("Сделана", "2031-01-10T08:30:00Z");
    await completeTask(done.id, { result: "ok" }, me);

    const groups = await listMyTasks(me, now);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    expect(ids(groups.overdue)).toContain(overdue.id);
    expect(ids(groups.today)).toEqual([today.id]);
    expect(ids(groups.upcoming)).toContain(tomorrow.id);
    expect([...ids(groups.overdue), ...ids(groups.today), ...ids(groups.upcoming)]).not.toContain(done.id);

    const dashboard = await listMyDueTasks(me, now);
    expect(ids(dashboard.today)).toEqual([today.id]);
    expect(ids(dashboard.overdue)).toContain(overdue.id);
    expect([...ids(dashboard.overdue), ...ids(dashboard.today)]).not.toContain(tomorrow.id);
  });

  it("filters all tasks by responsible, status, due days and customer, in keyset pages", async () => {
    const manager = actorOf(world.users.manager);
    const filter = { assigneeId: world.users.owner.id, customerId: world.customerA.id, status: "OPEN" as const, dueFrom: "2031-01-10", dueTo: "2031-01-11" };
    const all = await listTasks({ ...filter, take: 200 }, manager);
    expect(all.rows.map((row) => row.title)).toEqual(["Просрочена", "Сегодня", "Завтра"]);
    const first = await listTasks({ ...filter, take: 2 }, manager);
    expect(first.rows.map((row) => row.title)).toEqual(["Просрочена", "Сегодня"]);
    const second = await listTasks({ ...filter, take: 2, after: first.nextCursor! }, manager);
    expect(second).toEqual({ rows: [expect.objectContaining({ title: "Завтра" })], nextCursor: null });
    expect((await listTasks({ ...filter, dueFrom: "2031-01-11", take: 200 }, manager)).rows.map((row) => row.title)).toEqual(["Завтра"]);
    await expect(listTasks({ dueFrom: "2031-01-12", dueTo: "2031-01-11" }, manager)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("cross-access: logistics and accounting have no tasks", () => {
  it("refuses every operation and every read", async () => {
    const { id } = await createTask({ title: "Чужая", dueAt: FAR, orderId: world.orderA.id }, actorOf(world.users.manager));
    const before = await db.task.findUniqueOrThrow({ where: { id } });
    for (const user of [world.users.logistics, world.users.accountant]) {
      const actor = actorOf(user);
      // Thunks: each attempt starts only when it is awaited.
      const attempts: (() => Promise<unknown>)[] = [
        () => createTask({ title: "x", dueAt: FAR, orderId: world.orderA.id }, actor),
        () => completeTask(id, { result: "x" }, actor),
        () => cancelTask(id, {}, actor),
        () => reopenTask(id, actor),
        () => reassignTask(id, { assigneeId: user.id }, actor),
        () => rescheduleTask(id, { dueAt: FAR }, actor),
        () => listMyTasks(actor),
        () => listMyDueTasks(actor),
        () => listTasks({}, actor),
        () => listLinkedTasks({ orderId: world.orderA.id }, actor),
        () => getTaskOrThrow(id, actor),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.task.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("the task-is-due reminder", () => {
  it("mails the responsible employee once, in their language, however often the job runs", async () => {
    const manager = actorOf(world.users.manager); // locale "en"
    const past = new Date(Date.now() - 60_000).toISOString();
    const { id } = await createTask({ kind: "CALL", title: "Перезвонить Анне", dueAt: past, orderId: world.orderA.id }, manager);

    await taskRemindersJob.handle({ scheduledAt: new Date().toISOString() }, { jobId: "t1", attempt: 1, log: () => {} });
    await taskRemindersJob.handle({ scheduledAt: new Date().toISOString() }, { jobId: "t2", attempt: 1, log: () => {} });
    await sendTaskReminders();

    const rows = await reminderRows(id);
    expect(rows).toHaveLength(1);
    const payload = ZSendMailPayload.parse(JSON.parse(JSON.stringify(rows[0]!.payload)));
    const task = await db.task.findUniqueOrThrow({ where: { id }, select: { dueAt: true, reminderSentAt: true } });
    expect(task.reminderSentAt).not.toBeNull();
    expect(payload).toMatchObject({
      idempotencyKey: taskDueMailKey(id, task.dueAt),
      to: world.users.manager.email,
      template: "task-due",
      locale: "en",
      props: { title: "Перезвонить Анне", kind: "CALL", orderNumber: String(world.orderA.number), taskUrl: expect.stringMatching(new RegExp(`/admin/tasks\\?task=${id}$`)) },
    });

    // Delivered twice (a retried job): one mail.
    await sendMailJob.handle(payload, { jobId: "m1", attempt: 1, log: () => {} });
    await sendMailJob.handle(payload, { jobId: "m1", attempt: 2, log: () => {} });
    const mails = await db.mailMessage.findMany({ where: { idempotencyKey: payload.idempotencyKey }, select: { status: true, subject: true } });
    expect(mails).toEqual([{ status: "SENT", subject: "Task due: Перезвонить Анне" }]);
  });

  it("queues one mail per task when runs overlap (SKIP LOCKED)", async () => {
    const owner = actorOf(world.users.owner);
    const past = new Date(Date.now() - 120_000).toISOString();
    const created = await Promise.all(Array.from({ length: 5 }, (_, index) => createTask({ title: `Параллельно ${index}`, dueAt: past, customerId: world.customerB.id }, owner)));
    await Promise.all([sendTaskReminders(), sendTaskReminders(), sendTaskReminders()]);
    for (const { id } of created) expect(await reminderRows(id)).toHaveLength(1);
  });

  it("sends nothing for done, cancelled or future tasks", async () => {
    const owner = actorOf(world.users.owner);
    const past = new Date(Date.now() - 60_000).toISOString();
    const done = await createTask({ title: "Сделана до срока", dueAt: past, customerId: world.customerA.id }, owner);
    await completeTask(done.id, { result: "ok" }, owner);
    const cancelled = await createTask({ title: "Отменена", dueAt: past, customerId: world.customerA.id }, owner);
    await cancelTask(cancelled.id, {}, owner);
    const future = await createTask({ title: "Впереди", dueAt: FAR, customerId: world.customerA.id }, owner);
    await sendTaskReminders();
    for (const { id } of [done, cancelled, future]) {
      expect(await reminderRows(id)).toHaveLength(0);
      expect((await db.task.findUniqueOrThrow({ where: { id } })).reminderSentAt).toBeNull();
    }
  });

  it("reminds again for the new due time after rescheduling into the future", async () => {
    const owner = actorOf(world.users.owner);
    const { id } = await createTask({ title: "Перенесённая", dueAt: new Date(Date.now() - 60_000).toISOString(), customerId: world.customerA.id }, owner);
    await sendTaskReminders();
    expect(await reminderRows(id)).toHaveLength(1);
    const later = new Date(Date.now() + 3_600_000);
    await rescheduleTask(id, { dueAt: later.toISOString() }, owner);
    await sendTaskReminders();
    expect(await reminderRows(id)).toHaveLength(1); // not due yet
    await sendTaskReminders({ now: new Date(later.getTime() + 1_000) });
    await sendTaskReminders({ now: new Date(later.getTime() + 2_000) });
    const keys = (await reminderRows(id)).map((row) => (row.payload as { idempotencyKey: string }).idempotencyKey).sort();
    expect(keys).toHaveLength(2);
    expect(keys).toContain(taskDueMailKey(id, later));
  });
});
