// "Contacts for a period" against rows inserted here, in a period of their own (March 2021): the
// counts by employee and kind, with results and next steps, the Moscow day bounds of the period,
// and who may read it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContactsReport } from "@/lib/crm/interactions/get-contacts-report";
import { db, disconnectDb } from "@/lib/db";
import type { InteractionKind } from "@/lib/db/generated/enums";
import { actorOf, createCrmWorld, removeCrmWorld, type CrmWorld } from "../helpers/crm-task-fixtures";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
let world: CrmWorld;
const period = { period: "custom" as const, from: "2021-03-01", to: "2021-03-02" };

beforeAll(async () => {
  world = await createCrmWorld(run);
  const { operator, manager } = world.users;
  const rows: { userId: string; kind: InteractionKind; at: string; result?: string; nextStep?: string }[] = [
    // Inside: 2021-02-28T21:00Z is 00:00 on 1 March in Moscow.
    { userId: operator.id, kind: "CALL", at: "2021-02-28T21:00:00Z", result: "Подтвердил" },
    { userId: operator.id, kind: "CALL", at: "2021-03-01T10:00:00Z", result: "Не отвечает", nextStep: "Перезвонить" },
    { userId: operator.id, kind: "CALL", at: "2021-03-02T20:59:59Z" },
    { userId: operator.id, kind: "NOTE", at: "2021-03-01T11:00:00Z" },
    { userId: manager.id, kind: "MEETING", at: "2021-03-02T08:00:00Z", result: "Договорились", nextStep: "Договор" },
    { userId: manager.id, kind: "EMAIL", at: "2021-03-02T09:00:00Z", result: "Отправлено КП" },
    // Outside: 20:59:59Z on 28 February is still February in Moscow; 21:00Z on 2 March is 3 March.
    { userId: operator.id, kind: "CALL", at: "2021-02-28T20:59:59Z", result: "раньше" },
    { userId: manager.id, kind: "CALL", at: "2021-03-02T21:00:00Z", result: "позже" },
  ];
  for (const row of rows) {
    await db.interaction.create({
      data: { customerId: world.customerA.id, userId: row.userId, kind: row.kind, occurredAt: new Date(row.at), subject: "Тест", result: row.result ?? null, nextStep: row.nextStep ?? null },
    });
  }
});

afterAll(async () => {
  await removeCrmWorld(world);
  await disconnectDb();
});

describe("the contacts report", () => {
  it("counts the period's interactions by employee and kind, with results and next steps", async () => {
    const report = await getContactsReport(period, actorOf(world.users.owner));
    // Other test files may log interactions meanwhile, but not in March 2021.
    const mine = report.rows.filter((row) => row.userId === world.users.operator.id || row.userId === world.users.manager.id);
    expect(mine).toEqual([
      { userId: world.users.operator.id, userName: `operator ${run}`, byKind: { CALL: 3, EMAIL: 0, MEETING: 0, NOTE: 1 }, total: 4, withResult: 2, withNextStep: 1 },
      { userId: world.users.manager.id, userName: `manager ${run}`, byKind: { CALL: 0, EMAIL: 1, MEETING: 1, NOTE: 0 }, total: 2, withResult: 2, withNextStep: 1 },
    ]);
    expect(report.period).toMatchObject({ fromDay: "2021-03-01", toDay: "2021-03-02", start: new Date("2021-02-28T21:00:00Z"), end: new Date("2021-03-02T21:00:00Z") });
    const entries = report.entries.filter((entry) => entry.customer.id === world.customerA.id);
    expect(entries.map((entry) => entry.result)).not.toContain("раньше");
    expect(entries.map((entry) => entry.result)).not.toContain("позже");
    expect(entries).toHaveLength(6);
    expect(entries[0]).toMatchObject({ kind: "CALL", occurredAt: new Date("2021-03-02T20:59:59Z"), userName: `operator ${run}` });
    expect(report.totals.total).toBeGreaterThanOrEqual(6);
  });

  it("caps the listed interactions and says so", async () => {
    const report = await getContactsReport(period, actorOf(world.users.manager), { entriesLimit: 2 });
    expect(report.entries).toHaveLength(2);
    expect(report.entriesTruncated).toBe(true);
  });

  it("is for managers and the owner only", async () => {
    for (const user of [world.users.operator, world.users.logistics, world.users.accountant]) {
      await expect(getContactsReport(period, actorOf(user))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses a reversed period", async () => {
    await expect(getContactsReport({ from: "2021-03-02", to: "2021-03-01" }, actorOf(world.users.owner))).rejects.toThrow();
  });
});
