// Per-partner commission overrides (create, replace, delete, validation, audit) and the partner
// tree, against a real PostgreSQL. Everything is created with a run id and removed afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPartnerTree } from "@/lib/affiliates/get-partner-tree";
import { deleteCommissionOverride } from "@/lib/affiliates/overrides/delete-commission-override";
import { listOverrides } from "@/lib/affiliates/overrides/list-overrides";
import { parsePercentToBasisPoints, setCommissionOverride } from "@/lib/affiliates/overrides/set-commission-override";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

const run = randomUUID().slice(0, 8);
const owner = { id: `owner-${run}`, role: "OWNER" as const };
const manager = { id: `manager-${run}`, role: "MANAGER" as const };
let productId = "";
const partnerIds: string[] = [];

async function createPartner(login: string, parentId: string | null = null, createdAt?: string): Promise<string> {
  const partner = await db.partner.create({
    data: {
      login: `${login}-${run}`,
      email: `${login}-${run}@example.test`,
      name: login,
      passwordHash: "x",
      status: "ACTIVE",
      parentId,
      ...(createdAt ? { createdAt: new Date(createdAt) } : {}),
    },
    select: { id: true },
  });
  partnerIds.push(partner.id);
  return partner.id;
}

/** The field errors of a refused call, or fails the test when it was not a validation error. */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  return (error as AppError).fieldErrors ?? {};
}

beforeAll(async () => {
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "RUB", symbol: "₽" } }).catch(() => undefined);
  const product = await db.product.create({ data: { slug: `overrides-${run}`, name: "Override watch", currency: "RUB" }, select: { id: true } });
  productId = product.id;
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: [owner.id, manager.id] } } });
  // Children first: parentId has no cascade.
  for (const id of [...partnerIds].reverse()) await db.partner.deleteMany({ where: { id } });
  await db.product.deleteMany({ where: { id: productId } });
  await disconnectDb();
});

describe("parsePercentToBasisPoints", () => {
  it.each([
    ["12.5", 1250],
    ["12,5", 1250],
    ["0.01", 1],
    ["7", 700],
    ["100", 10_000],
    ["0", 0],
    ["15%", 1500],
  ])("%s %% → %i bp", (text, basisPoints) => {
    expect(parsePercentToBasisPoints(text)).toBe(basisPoints);
  });

  it.each(["100.01", "0.001", "-5", "abc", "", "1e2"])("refuses %s", (text) => {
    expect(parsePercentToBasisPoints(text)).toBeNull();
  });
});

describe("commission overrides", () => {
  it("creates a FIXED rate for one product in exact minor units, replaces it, and audit-logs both", async () => {
    const partnerId = await createPartner("ovr-fixed");
    const created = await setCommissionOverride({ partnerId, productId, level: "0", kind: "FIXED", value: "150,50" }, owner, { ip: "203.0.113.7" });
    expect(created).toMatchObject({ partnerId, productId, level: 0, kind: "FIXED", value: 15050 }); // 150.50 RUB

    const replaced = await setCommissionOverride({ partnerId, productId, level: 0, kind: "PERCENT", value: "12.5" }, manager);
    expect(replaced).toMatchObject({ id: created.id, kind: "PERCENT", value: 1250 }); // 12.5 % in basis points

    expect(await listOverrides(partnerId)).toEqual([{ id: created.id, productId, productName: "Override watch", productCurrency: "RUB", level: 0, kind: "PERCENT", value: 1250 }]);
    const audit = await db.auditLog.findMany({
      where: { entityType: "Partner", entityId: partnerId },
      select: { action: true, actorId: true, data: true, ip: true },
      orderBy: { id: "asc" },
    });
    expect(audit).toEqual([
      { action: "partner.override_set", actorId: owner.id, ip: "203.0.113.7", data: { overrideId: created.id, productId, level: 0, kind: "FIXED", value: 15050, previous: null } },
      {
        action: "partner.override_set",
        actorId: manager.id,
        ip: null,
        data: { overrideId: created.id, productId, level: 0, kind: "PERCENT", value: 1250, previous: { kind: "FIXED", value: 15050 } },
      },
    ]);
  });

  it("keeps one all-products rate per level (NULL product is not covered by the unique index)", async () => {
    const partnerId = await createPartner("ovr-all");
    const first = await setCommissionOverride({ partnerId, productId: "", level: 1, kind: "PERCENT", value: "5" }, owner);
    const second = await setCommissionOverride({ partnerId, productId: "", level: 1, kind: "FIXED", value: "99.99" }, owner);
    const other = await setCommissionOverride({ partnerId, productId: "", level: 0, kind: "PERCENT", value: "10" }, owner);
    expect(second.id).toBe(first.id);
    expect(await listOverrides(partnerId)).toEqual([
      { id: other.id, productId: null, productName: null, productCurrency: null, level: 0, kind: "PERCENT", value: 1000 }, // 10 %
      { id: first.id, productId: null, productName: null, productCurrency: null, level: 1, kind: "FIXED", value: 9999 }, // 99.99
    ]);
  });

  it.each([
    [{ kind: "FIXED", value: "12.345" }, "value", "partnerDetail.overrides.errors.amount"],
    [{ kind: "FIXED", value: "-5" }, "value", "partnerDetail.overrides.errors.amount"],
    [{ kind: "FIXED", value: "99999999999" }, "value", "partnerDetail.overrides.errors.amount"],
    [{ kind: "FIXED", value: "" }, "value", "partnerDetail.overrides.errors.amount"],
    [{ kind: "PERCENT", value: "101" }, "value", "partnerDetail.overrides.errors.percent"],
    [{ kind: "PERCENT", value: "1.005" }, "value", "partnerDetail.overrides.errors.percent"],
    [{ kind: "BONUS", value: "5" }, "kind", "partnerDetail.overrides.errors.kind"],
    [{ kind: "PERCENT", value: "5", level: "-1" }, "level", "partnerDetail.overrides.errors.level"],
    [{ kind: "PERCENT", value: "5", level: "1.5" }, "level", "partnerDetail.overrides.errors.level"],
    [{ kind: "PERCENT", value: "5", level: "5" }, "level", "partnerDetail.overrides.errors.level"], // the program pays at most 5 levels (0–4)
    [{ kind: "PERCENT", value: "5", productId: "no-such-product" }, "productId", "partnerDetail.overrides.errors.product"],
  ])("refuses %j and writes nothing", async (fields, field, key) => {
    const partnerId = await createPartner(`ovr-bad-${partnerIds.length}`);
    const errors = await fieldErrorsOf(setCommissionOverride({ partnerId, productId, level: 0, ...fields }, owner));
    expect(errors[field]).toEqual([key]);
    expect(await db.partnerCommissionOverride.count({ where: { partnerId } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: partnerId } })).toBe(0);
  });

  it("refuses an unknown partner, and staff outside the partners section", async () => {
    await expect(setCommissionOverride({ partnerId: "nobody", productId: "", level: 0, kind: "PERCENT", value: "5" }, owner)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const partnerId = await createPartner("ovr-role");
    await expect(setCommissionOverride({ partnerId, productId: "", level: 0, kind: "PERCENT", value: "5" }, { id: "x", role: "OPERATOR" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.partnerCommissionOverride.count({ where: { partnerId } })).toBe(0);
  });

  it("deletes only through the partner it belongs to, and audit-logs it", async () => {
    const partnerId = await createPartner("ovr-del");
    const stranger = await createPartner("ovr-stranger");
    const saved = await setCommissionOverride({ partnerId, productId, level: 0, kind: "FIXED", value: "100" }, owner);

    await expect(deleteCommissionOverride({ partnerId: stranger, overrideId: saved.id }, owner)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteCommissionOverride({ partnerId, overrideId: "" }, owner)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await listOverrides(partnerId)).toHaveLength(1);

    expect(await deleteCommissionOverride({ partnerId, overrideId: saved.id }, owner)).toEqual({ id: saved.id });
    expect(await listOverrides(partnerId)).toEqual([]);
    const audit = await db.auditLog.findFirst({ where: { entityId: partnerId, action: "partner.override_deleted" }, select: { data: true } });
    expect(audit?.data).toEqual({ overrideId: saved.id, productId, level: 0, kind: "FIXED", value: 10000 }); // 100.00 RUB
    await expect(deleteCommissionOverride({ partnerId, overrideId: saved.id }, owner)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getPartnerTree", () => {
  it("nests recruits three levels deep, oldest first, and counts deeper ones", async () => {
    const root = await createPartner("tree-root");
    const a = await createPartner("tree-a", root, "2020-01-01T10:00:00Z");
    const b = await createPartner("tree-b", root, "2020-01-02T10:00:00Z");
    const a1 = await createPartner("tree-a1", a, "2020-02-01T10:00:00Z");
    const a1x = await createPartner("tree-a1x", a1, "2020-03-01T10:00:00Z");
    await createPartner("tree-a1x-deep", a1x, "2020-04-01T10:00:00Z");

    const tree = await getPartnerTree(root);
    expect(tree.total).toBe(4);
    expect(tree.truncated).toBe(false);
    const shape = (nodes: typeof tree.nodes): unknown => nodes.map((node) => ({ id: node.id, depth: node.depth, childCount: node.childCount, children: shape(node.children) }));
    expect(shape(tree.nodes)).toEqual([
      { id: a, depth: 1, childCount: 1, children: [{ id: a1, depth: 2, childCount: 1, children: [{ id: a1x, depth: 3, childCount: 1, children: [] }] }] },
      { id: b, depth: 1, childCount: 0, children: [] },
    ]);
    expect(tree.nodes[0]).toMatchObject({ login: `tree-a-${run}`, name: "tree-a", status: "ACTIVE", createdAt: "2020-01-01T10:00:00.000Z" });

    expect((await getPartnerTree(root, 1)).total).toBe(2);
    expect(await getPartnerTree(b)).toEqual({ nodes: [], total: 0, truncated: false });
  });
});
