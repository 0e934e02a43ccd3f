// Audit entries carry the client address of the request that made them, also for operations whose
// callers pass no address: recordAudit reads it from the request being served (next/headers,
// whose X-Forwarded-For server.ts sets to the resolved client). next/headers is replaced by what
// Next.js gives inside a request (those headers) and outside one (an error), as the request's
// scope does not exist in vitest.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { changeEmployeeRole } from "@/lib/employees/change-employee-role";
import { setDiscountActive } from "@/lib/marketing/discounts/set-discount-active";
import { setProductActive } from "@/lib/products/set-product-active";

const request = vi.hoisted(() => ({ forwardedFor: null as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (request.forwardedFor === null) throw new Error("`headers` was called outside a request scope.");
    return new Headers({ "x-forwarded-for": request.forwardedFor });
  },
}));

/** Runs `work` as if serving a request from `ip`. */
async function inRequestFrom<T>(ip: string, work: () => Promise<T>): Promise<T> {
  request.forwardedFor = ip;
  try {
    return await work();
  } finally {
    request.forwardedFor = null;
  }
}

const run = randomUUID().slice(0, 8);
const fixtures = checkoutFixtures("audit-ip");
const userIds: string[] = [];
let owner = { id: "", role: "OWNER" as const };
let employeeId = "";
let productId = "";
let couponId = "";

const entryOf = (action: string, entityId: string) =>
  db.auditLog.findFirstOrThrow({ where: { action, entityId, actorId: owner.id }, orderBy: { createdAt: "desc" }, select: { actorType: true, entityType: true, ip: true, data: true } });

beforeAll(async () => {
  const created = await db.user.create({ data: { email: `owner-${run}@audit-ip.test`, name: `Owner ${run}`, passwordHash: "x", role: "OWNER" }, select: { id: true } });
  owner = { id: created.id, role: "OWNER" };
  employeeId = (await db.user.create({ data: { email: `operator-${run}@audit-ip.test`, name: `Operator ${run}`, passwordHash: "x", role: "OPERATOR" }, select: { id: true } })).id;
  userIds.push(owner.id, employeeId);
  await ensureCheckoutReferenceData();
  productId = (await fixtures.createProduct()).id;
  couponId = (await db.coupon.create({ data: { code: `AUDITIP${run.toUpperCase()}`, kind: "PERCENT", value: 10 }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
  await db.coupon.deleteMany({ where: { id: couponId } });
  await fixtures.cleanup();
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await disconnectDb();
});

describe("an audit entry written while serving a request", () => {
  it("records the request's address for an operation inside a transaction that is given none", async () => {
    await inRequestFrom("198.51.100.23", () => setProductActive({ productId, isActive: false }, owner));
    expect(await entryOf("product.deactivated", productId)).toEqual({ actorType: "staff", entityType: "product", ip: "198.51.100.23", data: null });
    expect(await db.product.findUniqueOrThrow({ where: { id: productId }, select: { isActive: true } })).toEqual({ isActive: false });
  });

  it("records it for a discount switched off, keeping its details; an unknown discount writes no entry", async () => {
    await inRequestFrom("2001:db8::17", () => setDiscountActive({ kind: "coupon", id: couponId, active: false }, owner));
    expect(await entryOf("coupon.deactivate", couponId)).toEqual({ actorType: "USER", entityType: "coupon", ip: "2001:db8::17", data: { active: false } });
    const missing = `missing-${couponId}`;
    await expect(inRequestFrom("2001:db8::17", () => setDiscountActive({ kind: "promotion", id: missing, active: false }, owner))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { entityId: missing } })).toBe(0);
  });

  it("keeps the address the caller passed over the request's", async () => {
    await inRequestFrom("198.51.100.24", () => changeEmployeeRole({ userId: employeeId, role: "LOGISTICS" }, owner, { ip: "203.0.113.44" }));
    const entry = await entryOf("employee.role_changed", employeeId);
    expect(entry).toMatchObject({ actorType: "staff", entityType: "User", ip: "203.0.113.44" });
    expect(entry.data).toEqual({ before: { role: "OPERATOR" }, after: { role: "LOGISTICS" } });
  });

  it("leaves the address empty outside a request (a worker, a script)", async () => {
    await setProductActive({ productId, isActive: true }, owner);
    expect(await entryOf("product.activated", productId)).toMatchObject({ ip: null });
  });
});
