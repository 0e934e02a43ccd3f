// The audit log: admin actions (an order's status, an employee's role, a webhook endpoint, a
// payout export) leave entries with who, what, the before/after of the fields that changed and
// the client address; Settings → Audit log lists them with filters and keyset pages, and exports
// them as CSV — for the OWNER only (every other role is refused, at the operation and the route).
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/admin/audit/export/route";
import { exportAuditLogCsv } from "@/lib/audit/export-audit-log-csv";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { recordAudit } from "@/lib/audit/record-audit";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { changeEmployeeRole } from "@/lib/employees/change-employee-role";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints/create-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/webhooks/endpoints/update-webhook-endpoint";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));

const run = randomUUID().slice(0, 8);
const fixtures = checkoutFixtures("audit");
const users: Record<string, { id: string; role: Role; name: string; email: string; sessionVersion: number }> = {};
const actorOf = (role: string) => ({ id: users[role]!.id, role: users[role]!.role });
let orderId = "";
let endpointId = "";

beforeAll(async () => {
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    users[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${run}@audit.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
  await ensureCheckoutReferenceData();
  const product = await fixtures.createProduct({ confirmationMode: "OPERATOR" });
  orderId = (await placeOrder(fixtures.input(product.slug), { ip: fixtures.ip() })).order.id;

  // Four admin actions of the owner.
  await changeOrderStatus({ orderId, to: "CONFIRMED", actor: { type: "USER", id: users.OWNER!.id, role: "OWNER" }, reason: "called the customer" });
  await changeEmployeeRole({ userId: users.OPERATOR!.id, role: "LOGISTICS" }, actorOf("OWNER"), { ip: "203.0.113.7" });
  users.OPERATOR!.role = "LOGISTICS";
  ({ id: endpointId } = await createWebhookEndpoint({ url: "http://127.0.0.1:9/hook", events: ["payout.rejected"] }, actorOf("OWNER"), { ip: "203.0.113.8" }));
  await updateWebhookEndpoint(endpointId, { url: "http://127.0.0.1:9/hook", description: "ERP", events: ["payout.paid", "payout.rejected"] }, actorOf("OWNER"), { ip: "203.0.113.8" });
});

afterAll(async () => {
  await db.webhookEndpoint.deleteMany({ where: { id: endpointId } });
  await db.auditLog.deleteMany({ where: { actorId: { in: Object.values(users).map((user) => user.id) } } });
  await fixtures.cleanup();
  await db.user.deleteMany({ where: { id: { in: Object.values(users).map((user) => user.id) } } });
  await disconnectDb();
});

const mine = (input: Record<string, unknown> = {}, pageSize?: number) => listAuditLog({ actor: users.OWNER!.id, ...input }, actorOf("OWNER"), { pageSize });

describe("entries", () => {
  it("keep who, what, on which object, the fields that changed (before → after) and the address", async () => {
    const { entries } = await mine();
    const byAction = new Map(entries.map((entry) => [entry.action, entry]));
    expect(byAction.get("order.status")).toMatchObject({
      actorKind: "USER",
      actorName: `OWNER ${run} <owner-${run}@audit.test>`,
      entityType: "Order",
      entityId: orderId,
      changes: [{ field: "status", before: "UNCONFIRMED", after: "CONFIRMED" }],
      details: { reason: "called the customer" },
    });
    expect(byAction.get("employee.role_changed")).toMatchObject({ entityId: users.OPERATOR!.id, ip: "203.0.113.7", changes: [{ field: "role", before: "OPERATOR", after: "LOGISTICS" }] });
    // An edit keeps only what it changed.
    expect(byAction.get("webhook.update")).toMatchObject({
      entityType: "WebhookEndpoint",
      ip: "203.0.113.8",
      changes: [
        { field: "events", before: ["payout.rejected"], after: ["payout.paid", "payout.rejected"] },
        { field: "description", before: null, after: "ERP" },
      ],
    });
    expect(
      byAction
        .get("webhook.create")
        ?.changes.map((change) => change.field)
        .sort(),
    ).toEqual(["events", "url"]);
  });

  it("outside a request and without an address given, the address is left empty", async () => {
    await db.$transaction((tx) => recordAudit(tx, { actor: { type: "USER", id: users.OWNER!.id }, action: `test.${run}`, data: { note: "x" } }));
    const [entry] = (await mine({ action: `test.${run}` })).entries;
    expect(entry).toMatchObject({ ip: null, changes: [], details: { note: "x" } });
  });
});

describe("Settings → Audit log", () => {
  it("filters by action (exact or a prefix), object and days, newest first, in keyset pages", async () => {
    expect((await mine({ action: "order." })).entries.map((entry) => entry.action)).toEqual(["order.status"]);
    expect((await mine({ action: "webhook.update" })).entries).toHaveLength(1);
    expect((await mine({ entityType: "order", entityId: orderId })).entries.map((entry) => entry.action)).toEqual(["order.status"]);
    expect((await mine({ from: "2000-01-01", to: "2000-01-31" })).entries).toHaveLength(0);

    const all = (await mine()).entries.map((entry) => entry.id);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect([...all].sort((a, b) => Number(BigInt(b) - BigInt(a)))).toEqual(all);
    const first = await mine({}, 2);
    const second = await mine({ before: first.nextBefore }, 2);
    expect(first.entries.map((entry) => entry.id)).toEqual(all.slice(0, 2));
    expect(second.entries.map((entry) => entry.id)).toEqual(all.slice(2, 4));
  });

  it("refuses a bad date in the filters", async () => {
    await expect(mine({ from: "yesterday" })).rejects.toThrow();
  });

  it("exports the filtered entries as CSV, and the export is itself audited", async () => {
    const stream = await exportAuditLogCsv({ actor: users.OWNER!.id, action: "employee." }, actorOf("OWNER"), { ip: "203.0.113.9" });
    const csv = await new Response(stream).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("id,createdAt,actorType,actorId,actorName,action,entityType,entityId,ip,before,after,details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("employee.role_changed");
    expect(lines[1]).toContain('"{""role"":""OPERATOR""}","{""role"":""LOGISTICS""}"');
    const [exported] = (await mine({ action: "audit.export" })).entries;
    expect(exported).toMatchObject({ ip: "203.0.113.9", details: { query: { actor: users.OWNER!.id, action: "employee." } } });
  });
});

describe("who may read it", () => {
  it("only the owner: every other role is refused by the operations", async () => {
    for (const role of ["MANAGER", "LOGISTICS", "ACCOUNTANT"]) {
      await expect(listAuditLog({}, actorOf(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditLogCsv({}, actorOf(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("the CSV route answers 401 signed out, 403 to other roles and the file to the owner", async () => {
    const call = () => exportRoute(new NextRequest(`http://localhost/api/admin/audit/export?actor=${users.OWNER!.id}&action=order.`, { headers: { "x-forwarded-for": "198.51.100.4" } }));
    session.current = null;
    expect((await call()).status).toBe(401);
    for (const role of ["MANAGER", "ACCOUNTANT"]) {
      session.current = { actor: { kind: "staff", ...users[role] } };
      expect((await call()).status).toBe(403);
    }
    session.current = { actor: { kind: "staff", ...users.OWNER } };
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(await response.text()).toContain("order.status");
    const [exported] = (await mine({ action: "audit.export" })).entries;
    expect(exported?.ip).toBe("198.51.100.4");
    session.current = null;
  });
});
