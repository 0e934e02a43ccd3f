// CRM segments and the sales report against a real PostgreSQL. The recompute ranks every customer
// of the database, so this file works in a database of its own (created here, dropped after):
// other files' customers would otherwise change the quintiles while it runs.
// - the job over real rows: only PAID orders count (a refused or returned order is no revenue),
//   the SQL scores and classes equal the pure rules (score-rfm, classify-abc), a history row only
//   where the segment or class changed, none on a second run; stale revenue is refreshed;
// - "recompute now" enqueues one run, a second press while it is queued starts nothing;
// - settings round-trip; bad input refused with nothing written;
// - the sales report's figures against the rows inserted, the previous year included;
// - cross-access: OPERATOR reads segments but may not change settings or recompute; LOGISTICS and
//   ACCOUNTANT are refused by every operation, action and route.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { withDatabase } from "@/lib/db/embedded";
import { resetEnvCache } from "@/lib/env";
import { createMigratedDatabase } from "@/tests/helpers/test-database";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
    getLocale: async () => "en",
  };
});

const databaseName = `lavka_test_crmseg_${process.pid}`;
const serverUrl = inject("serverUrl");
// Imported after DATABASE_URL points at this file's database (lib/db connects lazily).
let lib: Awaited<ReturnType<typeof loadModules>>;

async function loadModules() {
  return {
    db: await import("@/lib/db"),
    recompute: await import("@/lib/crm/segments/recompute-segments"),
    job: await import("@/lib/crm/segments/recompute-segments-job"),
    run: { ...(await import("@/lib/crm/segments/segment-run")), ...(await import("@/lib/crm/segments/request-segment-recompute")) },
    settings: await import("@/lib/crm/segments/segment-settings"),
    getSettings: await import("@/lib/crm/segments/get-segment-settings"),
    updateSettings: await import("@/lib/crm/segments/update-segment-settings"),
    overview: await import("@/lib/crm/segments/get-segment-overview"),
    customerSegment: await import("@/lib/crm/segments/get-customer-segment"),
    score: await import("@/lib/crm/segments/score-rfm"),
    abc: await import("@/lib/crm/segments/classify-abc"),
    sales: await import("@/lib/crm/reports/get-sales-by-month"),
    actions: await import("@/app/admin/customers/segments/actions"),
    salesRoute: await import("@/app/api/admin/crm-reports/sales/route"),
  };
}

const run = randomUUID().slice(0, 8);
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
let productId = "";

beforeAll(async () => {
  const url = await createMigratedDatabase(serverUrl, databaseName);
  process.env.DATABASE_URL = url;
  resetEnvCache();
  lib = await loadModules();
  const { db } = lib.db;
  for (const code of ["RUB", "USD"]) await db.currency.upsert({ where: { code }, update: {}, create: { code, name: code, symbol: code } });
  await db.exchangeRate.create({ data: { fromCurrency: "USD", toCurrency: "RUB", rate: "90", validFrom: new Date("2000-01-01T00:00:00Z") } });
  productId = (await db.product.create({ data: { slug: `seg-${run}`, name: "Segment watch", currency: "RUB" }, select: { id: true } })).id;
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as Role[]) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}@${run}.seg.test`, name: role, passwordHash: "x", role }, select: { id: true, role: true } });
  }
});

afterAll(async () => {
  await lib?.db.disconnectDb();
  const { getPgPool } = await import("@/lib/db/pool");
  await getPgPool()
    .end()
    .catch(() => undefined);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => admin.end());
});

const actor = (role: Role) => users[role]!;
function signIn(role: Role | null) {
  session.current = role ? { actor: { kind: "staff", id: users[role]!.id, role, name: role, email: `${role}@seg.test`, sessionVersion: 0 } } : null;
}

let orderSeq = 0;
async function order(
  customerId: string,
  spec: { status: "PAID" | "RETURNED" | "CANCELLED" | "SHIPPED" | "DUPLICATE"; total: number; paidAt?: string; createdAt?: string; currency?: string },
) {
  const { db } = lib.db;
  orderSeq += 1;
  return db.order.create({
    data: {
      customerId,
      productId,
      status: spec.status,
      paymentMethod: "COD",
      region: "RU",
      country: "RU",
      currency: spec.currency ?? "RUB",
      itemsTotal: spec.total,
      total: spec.total,
      createdAt: spec.createdAt ? new Date(spec.createdAt) : undefined,
      paidAt: spec.paidAt ? new Date(spec.paidAt) : null,
      idempotencyKey: `seg-${run}-${orderSeq}`,
      items: { create: { productId, productName: "Segment watch", quantity: 1, unitPrice: spec.total, total: spec.total } },
    },
    select: { id: true },
  });
}

async function customer(name: string) {
  return (await lib.db.db.customer.create({ data: { name }, select: { id: true } })).id;
}

describe("the recompute job", () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Twelve buyers with growing recency, frequency and spend; one USD buyer.
    for (let index = 0; index < 12; index += 1) {
      const id = (ids[`buyer${index}`] = await customer(`Buyer ${index}`));
      for (let n = 0; n <= index % 4; n += 1) {
        await order(id, { status: "PAID", total: 10_000 * (index + 1), paidAt: `2026-0${1 + (index % 9)}-1${n}T10:00:00Z` }); // 100.00 RUB × (index + 1)
      }
    }
    ids.usd = await customer("Dollar buyer");
    await order(ids.usd, { status: "PAID", total: 5_000, currency: "USD", paidAt: "2026-03-01T10:00:00Z" }); // 50.00 USD = 4,500.00 RUB
    // A refused COD order and a returned one: never revenue, no scores.
    ids.refused = await customer("Refused buyer");
    await order(ids.refused, { status: "CANCELLED", total: 9_900_000 }); // 99,000.00 RUB, refused
    await order(ids.refused, { status: "RETURNED", total: 5_000_000 }); // 50,000.00 RUB, returned
    // Paid a little, returned a lot: only the PAID order counts.
    ids.mixed = await customer("Mixed buyer");
    await order(ids.mixed, { status: "PAID", total: 20_000, paidAt: "2026-02-01T10:00:00Z" }); // 200.00 RUB
    await order(ids.mixed, { status: "RETURNED", total: 7_000_000 }); // 70,000.00 RUB
    ids.none = await customer("Window shopper");
    // Stale revenue the refresh must correct.
    await lib.db.db.customer.update({ where: { id: ids.mixed }, data: { paidRevenue: 123_456_789n } });
  });

  it("scores and classes from PAID orders only, exactly as the pure rules do", async () => {
    const result = await lib.recompute.recomputeSegments();
    expect(result.ran).toBe(true);
    expect(result.scored).toBe(14);
    const { db } = lib.db;
    const rows = await db.customer.findMany({
      select: {
        id: true,
        lastPaidAt: true,
        paidOrdersCount: true,
        paidRevenue: true,
        rfmRecency: true,
        rfmFrequency: true,
        rfmMonetary: true,
        rfmSegment: true,
        abcClass: true,
        segmentedAt: true,
      },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.mixed!)!.paidRevenue).toBe(20_000n);
    expect(byId.get(ids.usd!)!.paidRevenue).toBe(450_000n);
    for (const key of ["refused", "none"]) {
      const row = byId.get(ids[key]!)!;
      expect(row.paidRevenue).toBe(0n);
      expect([row.rfmRecency, row.rfmFrequency, row.rfmMonetary, row.rfmSegment, row.abcClass, row.segmentedAt]).toEqual([null, null, null, null, null, null]);
    }

    const expectedScores = lib.score.scoreRfm(rows);
    const { settings } = lib;
    const expectedClasses = lib.abc.classifyAbc(
      rows.map((row) => ({ id: row.id, revenue: row.paidRevenue })),
      settings.DEFAULT_SEGMENT_SETTINGS.abc,
    );
    for (const row of rows) {
      const scores = expectedScores.get(row.id);
      expect(row.rfmRecency === null ? null : { r: row.rfmRecency, f: row.rfmFrequency, m: row.rfmMonetary }).toEqual(scores ?? null);
      expect(row.rfmSegment).toBe(scores ? settings.matchRfmSegment(settings.DEFAULT_RFM_MAP, scores) : null);
      expect(row.abcClass?.trim() ?? null).toBe(expectedClasses.get(row.id) ?? null);
    }
    // The biggest spender is A, the smallest C; every scored customer has a history row.
    expect(byId.get(ids.usd!)!.abcClass).toBe("A");
    expect(byId.get(ids.buyer0!)!.abcClass).toBe("C");
    const history = await db.customerSegmentChange.count();
    expect(history).toBe(14);
    expect(result.changed).toBe(14);
  });

  it("writes no second history row when nothing changed, and one per customer whose segment or class changed", async () => {
    const { db } = lib.db;
    const again = await lib.recompute.recomputeSegments();
    expect(again.changed).toBe(0);
    expect(again.written).toBe(0); // nothing rewritten when nothing moved
    expect(await db.customerSegmentChange.count()).toBe(14);

    // The window shopper buys a lot today: they get scores and class A; others may move too.
    const before = new Map((await db.customer.findMany({ select: { id: true, rfmSegment: true, abcClass: true } })).map((row) => [row.id, `${row.rfmSegment}|${row.abcClass}`]));
    await order(ids.none!, { status: "PAID", total: 50_000_000, paidAt: "2026-10-01T10:00:00Z" }); // 500,000.00 RUB
    const third = await lib.recompute.recomputeSegments();
    const after = await db.customer.findMany({ select: { id: true, rfmSegment: true, abcClass: true } });
    const moved = after.filter((row) => `${row.rfmSegment}|${row.abcClass}` !== before.get(row.id)).map((row) => row.id);
    expect(moved).toContain(ids.none);
    expect(third.changed).toBe(moved.length);
    expect(await db.customerSegmentChange.count()).toBe(14 + moved.length);
    const shopper = await lib.customerSegment.getCustomerSegment(actor("OPERATOR"), ids.none!);
    expect(shopper.abcClass).toBe("A");
    expect(shopper.history).toHaveLength(1);
    expect(shopper.history[0]!.abcClass).toBe("A");
  });

  it("runs as a job and records the run; the overview counts segments and classes", async () => {
    await lib.job.recomputeSegmentsJob.handle({ trigger: "manual" }, { jobId: "test", attempt: 1, log: () => undefined });
    const state = await lib.run.getSegmentRun();
    expect(state.status).toBe("done");
    expect(state.scored).toBe(15);
    const overview = await lib.overview.getSegmentOverview(actor("OPERATOR"));
    const segmented = overview.segments.reduce((sum, segment) => sum + segment.customers, 0) + overview.unmapped.customers;
    expect(segmented).toBe(15);
    expect(overview.abc.reduce((sum, row) => sum + row.customers, 0)).toBe(15);
    expect(overview.unsegmented).toBe(1); // the refused buyer
    expect(overview.products).toEqual([expect.objectContaining({ productId, abcClass: "A" })]);
    // While another run holds the lock, a manual job is not needed, but the night's must retry.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(804201205)");
      await expect(lib.job.recomputeSegmentsJob.handle({ trigger: "nightly", day: "2026-12-04" }, { jobId: "busy", attempt: 1, log: () => undefined })).rejects.toThrow(/retries/);
      await expect(lib.job.recomputeSegmentsJob.handle({ trigger: "manual" }, { jobId: "busy-manual", attempt: 1, log: () => undefined })).resolves.toBeUndefined();
    } finally {
      await holder.end();
    }
    expect((await lib.run.getSegmentRun()).nightlyDay).not.toBe("2026-12-04");
    // A nightly job for a day already done is skipped.
    await lib.job.recomputeSegmentsJob.handle({ trigger: "nightly", day: "2026-12-05" }, { jobId: "n1", attempt: 1, log: () => undefined });
    const nightly = await lib.run.getSegmentRun();
    expect(nightly.nightlyDay).toBe("2026-12-05");
    await lib.job.recomputeSegmentsJob.handle({ trigger: "nightly", day: "2026-12-05" }, { jobId: "n2", attempt: 1, log: () => undefined });
    expect((await lib.run.getSegmentRun()).finishedAt).toBe(nightly.finishedAt);
  });

  it("is due nightly from 03:00 Moscow, one job id per day", () => {
    expect(lib.job.nightlySegmentsJob(new Date("2026-12-05T23:59:00Z"))).toBeNull(); // 02:59 MSK on the 6th
    expect(lib.job.nightlySegmentsJob(new Date("2026-12-06T00:00:00Z"))).toEqual({ jobId: "crm-recompute-segments-2026-12-06", day: "2026-12-06" });
  });
});

describe("recompute now", () => {
  it("enqueues one run; a second press while it is queued starts nothing", async () => {
    const { db } = lib.db;
    await lib.run.saveSegmentRun({ status: "done" });
    const outboxBefore = await db.outboxEvent.count({ where: { jobName: "crm.recompute-segments" } });
    signIn("MANAGER");
    const first = await lib.actions.recomputeSegmentsAction({ status: "idle" }, new FormData());
    const second = await lib.actions.recomputeSegmentsAction({ status: "idle" }, new FormData());
    expect(first.status).toBe("success");
    expect(second.status).toBe("error");
    expect(await db.outboxEvent.count({ where: { jobName: "crm.recompute-segments" } })).toBe(outboxBefore + 1);
    expect((await lib.run.getSegmentRun()).status).toBe("queued");
    // A run stuck for over an hour (its worker died) no longer blocks.
    const later = new Date(Date.now() + lib.run.STALE_AFTER_MS + 1_000);
    expect(await lib.run.requestSegmentRecompute(actor("OWNER"), { now: later })).toEqual({ started: true });
  });
});

describe("segment settings", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) data.set(name, value);
    return data;
  };

  it("round-trips through the action and refuses bad input with nothing written", async () => {
    const { db } = lib.db;
    signIn("MANAGER");
    const rules = [
      { name: "Best", r: [4, 5], f: [4, 5], m: [4, 5] },
      { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] },
    ];
    const saved = await lib.actions.saveSegmentSettingsAction({ status: "idle" }, form({ abcA: "70", abcB: "90", rules: JSON.stringify(rules) }));
    expect(saved.status).toBe("success");
    expect(await lib.getSettings.getSegmentSettings()).toEqual({ abc: { a: 70, b: 90 }, rfm: rules, stored: true });
    const audits = await db.auditLog.count({ where: { action: "crm.segments.settings.update" } });

    for (const bad of [
      { abcA: "95", abcB: "80", rules: JSON.stringify(rules) },
      { abcA: "80", abcB: "95", rules: JSON.stringify([rules[0], { ...rules[1], name: "best" }]) },
      { abcA: "80", abcB: "95", rules: JSON.stringify([{ name: "X", r: [5, 1], f: [1, 5], m: [1, 9] }]) },
      { abcA: "80", abcB: "95", rules: "not json" },
      { abcA: "eighty", abcB: "95", rules: JSON.stringify(rules) },
    ]) {
      const refused = await lib.actions.saveSegmentSettingsAction({ status: "idle" }, form(bad));
      expect(refused.status).toBe("error");
      expect(refused.message).toBeTruthy();
    }
    const duplicate = await lib.actions.saveSegmentSettingsAction({ status: "idle" }, form({ abcA: "80", abcB: "95", rules: JSON.stringify([rules[0], { ...rules[1], name: "best" }]) }));
    expect(duplicate.fieldErrors?.["rfm.1.name"]).toBe("Segment names must be unique");
    expect(await lib.getSettings.getSegmentSettings()).toEqual({ abc: { a: 70, b: 90 }, rfm: rules, stored: true });
    expect(await db.auditLog.count({ where: { action: "crm.segments.settings.update" } })).toBe(audits);
  });

  it("applies the saved map and cut-offs on the next run", async () => {
    await lib.recompute.recomputeSegments();
    const segments = await lib.db.db.customer.groupBy({ by: ["rfmSegment"], where: { rfmRecency: { not: null } }, _count: true });
    expect(segments.map((row) => row.rfmSegment).sort()).toEqual(["Best", "Rest"]);
  });
});

describe("the sales report", () => {
  it("counts orders, bought-out orders and revenue per month for both years, per currency", async () => {
    const id = await customer("Sales buyer");
    // March 2019 vs March 2018 (Moscow months), years no other test here uses.
    await order(id, { status: "PAID", total: 100_000, createdAt: "2019-02-27T10:00:00Z", paidAt: "2019-03-02T10:00:00Z" }); // 1,000.00 RUB, placed Feb, paid Mar
    await order(id, { status: "PAID", total: 50_000, createdAt: "2019-03-05T10:00:00Z", paidAt: "2019-03-31T20:59:00Z" }); // 500.00 RUB, 23:59 MSK 31 Mar
    await order(id, { status: "PAID", total: 70_000, createdAt: "2019-03-06T10:00:00Z", paidAt: "2019-03-31T21:00:00Z" }); // 700.00 RUB, 00:00 MSK 1 Apr
    await order(id, { status: "RETURNED", total: 900_000, createdAt: "2019-03-07T10:00:00Z" }); // 9,000.00 RUB returned: an order, not revenue
    await order(id, { status: "DUPLICATE", total: 100_000, createdAt: "2019-03-08T10:00:00Z" }); // not counted at all
    await order(id, { status: "PAID", total: 100_000, createdAt: "2018-03-01T10:00:00Z", paidAt: "2018-03-10T10:00:00Z" }); // 1,000.00 RUB
    await order(id, { status: "PAID", total: 2_500, currency: "USD", createdAt: "2019-03-10T10:00:00Z", paidAt: "2019-03-11T10:00:00Z" }); // 25.00 USD

    const report = await lib.sales.getSalesByMonth(actor("MANAGER"), { year: "2019" });
    expect(report.previousYear).toBe(2018);
    const rub = report.currencies.find((row) => row.currency === "RUB")!;
    const usd = report.currencies.find((row) => row.currency === "USD")!;
    expect(report.currencies[0]!.currency).toBe("RUB");
    const march = rub.months[2]!;
    expect(march.current).toEqual({ orders: 3, paidOrders: 2, revenue: 150_000n });
    expect(march.previous).toEqual({ orders: 1, paidOrders: 1, revenue: 100_000n });
    expect(march.change).toEqual({ orders: 20_000, paidOrders: 10_000, revenue: 5_000 }); // +200 %, +100 %, +50 %
    expect(rub.months[1]!.current).toEqual({ orders: 1, paidOrders: 0, revenue: 0n });
    expect(rub.months[1]!.change.orders).toBeNull(); // nothing in Feb 2018
    expect(rub.months[3]!.current).toEqual({ orders: 0, paidOrders: 1, revenue: 70_000n });
    expect(rub.total.current).toEqual({ orders: 4, paidOrders: 3, revenue: 220_000n });
    expect(rub.total.previous).toEqual({ orders: 1, paidOrders: 1, revenue: 100_000n });
    expect(usd.months[2]!.current).toEqual({ orders: 1, paidOrders: 1, revenue: 2_500n });

    await expect(lib.sales.getSalesByMonth(actor("MANAGER"), { year: "19x" })).rejects.toThrow();
    expect(lib.sales.changeBasisPoints(1, 3)).toBe(-6_667); // −66.67 %
    expect(lib.sales.changeBasisPoints(2, 3)).toBe(-3_333);
  });

  it("downloads the same figures as CSV", async () => {
    signIn("OWNER");
    const response = await lib.salesRoute.GET(new Request("http://lavka.test/api/admin/crm-reports/sales?year=2019") as never);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toContain("2019-03,RUB,3,1,200.00,2,1,100.00,1500.00,1000.00,50.00");
    expect(lines).toContain("2019-02,RUB,1,0,,0,0,,0.00,0.00,");
  });
});

describe("cross-access", () => {
  it("lets OPERATOR read segments and a card's panel but not change settings or recompute", async () => {
    const id = await customer("Operator view");
    await expect(lib.overview.getSegmentOverview(actor("OPERATOR"))).resolves.toBeTruthy();
    await expect(lib.customerSegment.getCustomerSegment(actor("OPERATOR"), id)).resolves.toBeTruthy();
    await expect(lib.updateSettings.updateSegmentSettings(lib.settings.DEFAULT_SEGMENT_SETTINGS, actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.run.requestSegmentRecompute(actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.sales.getSalesByMonth(actor("OPERATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    signIn("OPERATOR");
    const outbox = await lib.db.db.outboxEvent.count();
    expect((await lib.actions.recomputeSegmentsAction({ status: "idle" }, new FormData())).status).toBe("error");
    expect((await lib.actions.saveSegmentSettingsAction({ status: "idle" }, new FormData())).status).toBe("error");
    expect(await lib.db.db.outboxEvent.count()).toBe(outbox);
    expect((await lib.salesRoute.GET(new Request("http://lavka.test/api/admin/crm-reports/sales") as never)).status).toBe(403);
  });

  it("refuses LOGISTICS and ACCOUNTANT everywhere", async () => {
    const id = await customer("Nobody's business");
    const settingsBefore = await lib.getSettings.getSegmentSettings();
    for (const role of ["LOGISTICS", "ACCOUNTANT"] as Role[]) {
      await expect(lib.overview.getSegmentOverview(actor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(lib.customerSegment.getCustomerSegment(actor(role), id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(lib.updateSettings.updateSegmentSettings(lib.settings.DEFAULT_SEGMENT_SETTINGS, actor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(lib.run.requestSegmentRecompute(actor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(lib.sales.getSalesByMonth(actor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
      signIn(role);
      expect((await lib.actions.recomputeSegmentsAction({ status: "idle" }, new FormData())).status).toBe("error");
      expect((await lib.actions.saveSegmentSettingsAction({ status: "idle" }, new FormData())).status).toBe("error");
      expect((await lib.salesRoute.GET(new Request("http://lavka.test/api/admin/crm-reports/sales") as never)).status).toBe(403);
    }
    signIn(null);
    expect((await lib.salesRoute.GET(new Request("http://lavka.test/api/admin/crm-reports/sales") as never)).status).toBe(401);
    expect(await lib.getSettings.getSegmentSettings()).toEqual(settingsBefore);
  });
});
