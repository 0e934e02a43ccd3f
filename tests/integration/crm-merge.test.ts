// Merging customer cards against a real PostgreSQL: every row referencing a merged card moves to
// the survivor (counted per table before and after), phones and emails once each, tags unioned,
// counters recounted by the trigger, an audit row; refused merges change nothing; checkout's
// dedupe lands a new order for a merged card's phone on the survivor; the duplicates list; and
// only MANAGER/OWNER may do any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { getMergePreview } from "@/lib/crm/merge/get-merge-preview";
import { listDuplicateGroups } from "@/lib/crm/merge/list-duplicate-groups";
import { mergeCustomers, MOVED_TABLES } from "@/lib/crm/merge/merge-customers";
import { MergeError } from "@/lib/crm/merge/plan-merge";
import { normalizePhone } from "@/lib/customers/normalize-contact";
import { db, disconnectDb, Prisma } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

const fx = checkoutFixtures("crm-merge");
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
const customerIds: string[] = [];
let productSlug = "";
let pipelineId = "";
let mailingId = "";

const TABLES = [...MOVED_TABLES, "CustomerPhone", "CustomerEmail"] as const;

async function countsOf(ids: string[]) {
  const rows = await db.$queryRaw<{ table: string; n: number }[]>(
    Prisma.sql`${Prisma.join(
      TABLES.map((table) => Prisma.sql`SELECT ${table} AS "table", count(*)::int AS n FROM ${Prisma.raw(`"${table}"`)} WHERE "customerId" = ANY(${ids}::text[])`),
      " UNION ALL ",
    )}`,
  );
  return Object.fromEntries(rows.map((row) => [row.table, row.n])) as Record<(typeof TABLES)[number], number>;
}

async function snapshot(ids: string[]) {
  const perCard = await Promise.all(ids.map(async (id) => [id, await countsOf([id])] as const));
  const cards = await db.customer.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  // Merges by this file's staff: order-rollups and order-product-rollup merge cards meanwhile.
  const audits = await db.auditLog.count({ where: { action: "crm.customers.merged", actorId: { in: Object.values(users).map((user) => user.id) } } });
  return { perCard: Object.fromEntries(perCard), cards, audits };
}

/** A card with one row in every related table. */
async function makeCard(label: string, options: { phone?: string; email?: string; tags?: string[]; name?: string; withOrder?: boolean; city?: string } = {}) {
  const phone = options.phone ?? fx.phone();
  const email = options.email ?? fx.email(label);
  let id: string;
  if (options.withOrder ?? true) {
    const { order } = await placeOrder(fx.input(productSlug, {}, { phone, email, fullName: options.name ?? `Анна ${label}`, city: options.city ?? "Москва" }), {
      ip: fx.ip(),
      userAgent: "vitest",
    });
    id = (await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { customerId: true } })).customerId;
    await db.customer.update({ where: { id }, data: { tags: options.tags ?? [] } });
  } else {
    const phoneNormalized = normalizePhone(phone, "RU")!;
    id = (
      await db.customer.create({
        data: {
          name: options.name ?? `Анна ${label}`,
          phone,
          phoneNormalized,
          email,
          emailNormalized: email.toLowerCase(),
          tags: options.tags ?? [],
          phones: { create: { phone, normalized: phoneNormalized, isPrimary: true } },
          emails: { create: { email, normalized: email.toLowerCase(), isPrimary: true } },
          addresses: { create: { country: "RU", city: options.city ?? "Москва", isDefault: true } },
        },
        select: { id: true },
      })
    ).id;
  }
  customerIds.push(id);
  const stage = await db.dealStage.findFirstOrThrow({ where: { pipelineId }, select: { id: true } });
  const interaction = await db.interaction.create({ data: { kind: "CALL", customerId: id, userId: users.MANAGER!.id, result: `call ${label}` }, select: { id: true } });
  await db.task.create({ data: { title: `call back ${label}`, dueAt: new Date(Date.now() + 86_400_000), customerId: id, interactionId: interaction.id } });
  await db.deal.create({ data: { title: `deal ${label}`, pipelineId, stageId: stage.id, currency: "RUB", budget: 100_000n, customerId: id } }); // 1,000.00 RUB
  await db.contactPerson.create({ data: { customerId: id, name: `contact ${label}` } });
  await db.refusalRecord.create({ data: { phoneNormalized: normalizePhone(phone, "RU")!, kind: "BLACKLISTED", customerId: id } });
  await db.linkToken.create({ data: { purpose: "UNSUBSCRIBE", tokenHash: `merge-${fx.run}-${label}`, customerId: id, expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.mailingRecipient.create({ data: { mailingId, customerId: id, email } });
  await db.unsubscribe.create({ data: { email: `unsub-${label}-${fx.run}@merge.test`, customerId: id } });
  await db.customerSegmentChange.create({ data: { customerId: id, rfmSegment: "Lost", abcClass: "C" } });
  return { id, phone, email };
}

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${fx.run}@merge.test`, name: role, passwordHash: "x", role }, select: { id: true, role: true } });
    users[role] = user;
  }
  productSlug = (await fx.createProduct({ confirmationMode: "NONE" })).slug;
  pipelineId = (await db.pipeline.create({ data: { name: `merge ${fx.run}`, stages: { create: [{ name: "Первичный контакт", position: 0 }] } }, select: { id: true } })).id;
  mailingId = (await db.mailing.create({ data: { name: `merge ${fx.run}`, subject: "s", body: "b" }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.deal.deleteMany({ where: { pipelineId } });
  await db.pipeline.deleteMany({ where: { id: pipelineId } });
  await db.mailing.deleteMany({ where: { id: mailingId } });
  await db.unsubscribe.deleteMany({ where: { email: { endsWith: `${fx.run}@merge.test` } } });
  await db.refusalRecord.deleteMany({ where: { customerId: { in: customerIds } } });
  await db.auditLog.deleteMany({ where: { entityType: "Customer", entityId: { in: customerIds } } });
  await db.customer.updateMany({ where: { id: { in: customerIds } }, data: { mergedIntoId: null } });
  await fx.cleanup();
  await db.customer.deleteMany({ where: { id: { in: customerIds } } });
  await db.user.deleteMany({ where: { id: { in: Object.values(users).map((user) => user.id) } } });
  await disconnectDb();
});

describe("mergeCustomers", () => {
  it("moves every related row to the survivor and points the merged cards at it", async () => {
    const shared = fx.phone();
    const a = await makeCard("a", { tags: ["vip"] });
    const b = await makeCard("b", { tags: ["opt", "vip"], withOrder: false });
    const c = await makeCard("c", { tags: ["b2b"] });
    // b and c share a number as an extra phone; b also has a's email as an extra one.
    const sharedNormalized = normalizePhone(shared, "RU")!;
    await db.customerPhone.createMany({ data: [b.id, c.id].map((customerId) => ({ customerId, phone: shared, normalized: sharedNormalized })) });
    await db.customerEmail.create({ data: { customerId: b.id, email: a.email, normalized: a.email.toLowerCase() } });
    // A card merged into c earlier.
    const old = await db.customer.create({ data: { name: "old", mergedIntoId: c.id, mergedAt: new Date() }, select: { id: true } });
    customerIds.push(old.id);

    const ids = [a.id, b.id, c.id];
    const before = await countsOf(ids);
    const ordersBefore = await db.order.count({ where: { customerId: { in: ids } } });
    expect(ordersBefore).toBe(2);

    const { survivorId } = await mergeCustomers({ customerIds: [b.id, a.id, c.id], mainId: b.id, picks: { name: c.id } }, users.MANAGER!);
    expect(survivorId).toBe(b.id);

    const after = await countsOf([b.id]);
    const leftOnMerged = await countsOf([a.id, c.id]);
    for (const table of MOVED_TABLES) {
      expect(after[table], table).toBe(before[table]);
      expect(leftOnMerged[table], table).toBe(0);
    }
    // Phones: a, b, c and the shared one, each once; emails: a (b had it too), b, c.
    const phones = await db.customerPhone.findMany({ where: { customerId: b.id }, select: { normalized: true, isPrimary: true } });
    expect(phones.map((phone) => phone.normalized).sort()).toEqual([a.phone, b.phone, c.phone, shared].map((phone) => normalizePhone(phone, "RU")!).sort());
    expect(phones.filter((phone) => phone.isPrimary).map((phone) => phone.normalized)).toEqual([normalizePhone(b.phone, "RU")]);
    const emails = await db.customerEmail.findMany({ where: { customerId: b.id }, select: { normalized: true } });
    expect(emails.map((email) => email.normalized).sort()).toEqual([a.email, b.email, c.email].map((email) => email.toLowerCase()).sort());
    expect(leftOnMerged.CustomerPhone + leftOnMerged.CustomerEmail).toBe(0);

    const survivor = await db.customer.findUniqueOrThrow({ where: { id: b.id } });
    expect(survivor).toMatchObject({ name: "Анна c", ordersCount: 2, mergedIntoId: null });
    expect(survivor.tags.sort()).toEqual(["b2b", "opt", "vip"]);
    const merged = await db.customer.findMany({ where: { id: { in: [a.id, c.id, old.id] } }, select: { id: true, mergedIntoId: true, mergedAt: true, ordersCount: true } });
    for (const card of merged) expect(card.mergedIntoId).toBe(b.id);
    expect(merged.filter((card) => card.id !== old.id).every((card) => card.mergedAt && card.ordersCount === 0)).toBe(true);
    // One default address.
    expect(await db.customerAddress.count({ where: { customerId: b.id, isDefault: true } })).toBe(1);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "crm.customers.merged", entityId: b.id }, select: { actorId: true, data: true } });
    expect(audit.actorId).toBe(users.MANAGER!.id);
    expect(audit.data).toMatchObject({ survivorId: b.id, mergedIds: [a.id, c.id], after: { name: "Анна c" } });
  });

  it("sends a new order placed with a merged card's phone to the survivor", async () => {
    const a = await makeCard("checkout-a");
    const b = await makeCard("checkout-b");
    await mergeCustomers({ customerIds: [a.id, b.id], mainId: a.id }, users.OWNER!);
    const { order } = await placeOrder(fx.input(productSlug, {}, { phone: b.phone, email: fx.email("fresh") }), { ip: fx.ip(), userAgent: "vitest" });
    const placed = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { customerId: true } });
    expect(placed.customerId).toBe(a.id);
    expect(await db.customer.findUniqueOrThrow({ where: { id: a.id }, select: { ordersCount: true } })).toEqual({ ordersCount: 3 });
  });

  it("refuses bad merges and changes nothing", async () => {
    const a = await makeCard("bad-a");
    const b = await makeCard("bad-b");
    const gone = await makeCard("bad-gone");
    const into = await makeCard("bad-into");
    await mergeCustomers({ customerIds: [into.id, gone.id], mainId: into.id }, users.OWNER!);
    const ids = [a.id, b.id, gone.id, into.id];
    const before = await snapshot(ids);

    const eleven = [a.id, ...Array.from({ length: 10 }, (_, index) => `missing-${index}`)];
    const cases: [Parameters<typeof mergeCustomers>[0], string][] = [
      [{ customerIds: [a.id], mainId: a.id }, "tooFew"],
      [{ customerIds: [a.id, a.id], mainId: a.id }, "sameCardTwice"],
      [{ customerIds: eleven, mainId: a.id }, "tooMany"],
      [{ customerIds: [a.id, "no-such-card"], mainId: a.id }, "notFound"],
      [{ customerIds: [a.id, gone.id], mainId: a.id }, "alreadyMerged"],
      [{ customerIds: [a.id, b.id], mainId: into.id }, "mainNotInList"],
      [{ customerIds: [a.id, b.id], mainId: a.id, picks: { name: into.id } }, "pickNotInList"],
      [{ customerIds: [a.id, b.id], mainId: a.id, picks: { website: b.id } }, "pickEmpty"],
    ];
    for (const [input, problem] of cases) {
      const error = await mergeCustomers(input, users.OWNER!).catch((caught: unknown) => caught);
      expect(error, problem).toBeInstanceOf(MergeError);
      expect((error as MergeError).problem).toBe(problem);
    }
    expect(await snapshot(ids)).toEqual(before);
  });

  it("lets only MANAGER and OWNER merge, preview or list duplicates", async () => {
    const a = await makeCard("access-a");
    const b = await makeCard("access-b");
    const before = await snapshot([a.id, b.id]);
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      for (const attempt of [
        () => mergeCustomers({ customerIds: [a.id, b.id], mainId: a.id }, users[role]!),
        () => getMergePreview({ customerIds: [a.id, b.id], mainId: a.id }, users[role]!),
        () => listDuplicateGroups({ by: "phone" }, users[role]!),
      ]) {
        const error = await attempt().catch((caught: unknown) => caught);
        expect(error, role).toBeInstanceOf(AppError);
        expect((error as AppError).code, role).toBe("FORBIDDEN");
      }
    }
    expect(await snapshot([a.id, b.id])).toEqual(before);
    await expect(getMergePreview({ customerIds: [a.id, b.id], mainId: b.id }, users.MANAGER!)).resolves.toMatchObject({ plan: { mainId: b.id, mergedIds: [a.id] } });
  });
});

describe("listDuplicateGroups", () => {
  it("groups unmerged cards by phone (primary or extra), email, and name + city, page by page", async () => {
    const phone = fx.phone();
    const one = await makeCard("dup-1", { phone, name: `Дубль ${fx.run}`, city: " Тверь ", withOrder: false });
    const two = await makeCard("dup-2", { name: `дубль ${fx.run.toUpperCase()} `, city: "тверь", withOrder: false });
    await db.customerPhone.create({ data: { customerId: two.id, phone, normalized: normalizePhone(phone, "RU")! } });
    // A card whose primary phone has no CustomerPhone row (data older than the CRM).
    const three = await db.customer.create({ data: { name: "three", phone, phoneNormalized: normalizePhone(phone, "RU") }, select: { id: true } });
    customerIds.push(three.id);
    const email = fx.email("dup");
    await db.customerEmail.createMany({ data: [one.id, two.id].map((customerId) => ({ customerId, email, normalized: email })) });

    const findGroup = async (by: "phone" | "email" | "name", key: string) => {
      let after: string | undefined;
      for (;;) {
        const page = await listDuplicateGroups({ by, after }, users.OWNER!);
        const group = page.groups.find((candidate) => candidate.key === key);
        if (group || !page.nextAfter) return group;
        after = page.nextAfter;
      }
    };
    const byPhone = await findGroup("phone", normalizePhone(phone, "RU")!);
    expect(byPhone?.members.map((member) => member.id).sort()).toEqual([one.id, two.id, three.id].sort());
    expect((await findGroup("email", email))?.members).toHaveLength(2);
    expect((await findGroup("name", `дубль ${fx.run.toLowerCase()} · тверь`))?.members.map((member) => member.id).sort()).toEqual([one.id, two.id].sort());

    await mergeCustomers({ customerIds: [one.id, two.id, three.id], mainId: one.id }, users.OWNER!);
    expect(await findGroup("phone", normalizePhone(phone, "RU")!)).toBeUndefined();
    expect(await findGroup("email", email)).toBeUndefined();
  });
});
