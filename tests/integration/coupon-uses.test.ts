// Rows with nothing to count, against a real PostgreSQL: a coupon without a total limit and a
// product whose stock is not tracked are only share-locked by an order (reserveStock), so orders
// of a popular code or an untracked best-seller do not queue for one another; an unlimited
// coupon's uses are the orders holding it (shown in the admin's list, given back on a
// cancellation), and setting a limit counts them — after the orders in flight, which it waits for.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reserveStock } from "@/lib/checkout/order-write-sql";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb, type DbTransaction } from "@/lib/db";
import { prismaRunner, type SqlRunner, withPgTransaction } from "@/lib/db/sql-runner";
import { type AppError } from "@/lib/errors";
import { listDiscounts } from "@/lib/marketing/discounts/list-discounts";
import { clearDiscountRulesCache } from "@/lib/marketing/discounts/load-discount-rules";
import { saveCoupon } from "@/lib/marketing/discounts/save-coupon";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { holdTransactionOpen } from "../helpers/held-transaction";

const fx = checkoutFixtures("coupon-uses");
const run = randomUUID().slice(0, 8).toUpperCase();
const couponIds: string[] = [];
let owner: { id: string; role: "OWNER" };

async function coupon(suffix: string, data: Partial<Parameters<typeof db.coupon.create>[0]["data"]> = {}) {
  const created = await db.coupon.create({ data: { code: `U${run}${suffix}`, kind: "PERCENT", value: 1000, ...data }, select: { id: true, code: true } }); // 10 %
  couponIds.push(created.id);
  return created;
}

const couponRow = (id: string) => db.coupon.findUniqueOrThrow({ where: { id }, select: { usedCount: true, maxUses: true } });
const listedUses = async (id: string) => {
  const listed = (await listDiscounts(owner)).coupons.find((row) => row.id === id)!;
  return { held: listed.stats.held, orders: listed.stats.orders };
};

type Path = "node-postgres" | "prisma";
type Reservations = { productId: string; quantity: number }[];

/**
 * An order in flight: reserveStock in a transaction that stays open until `release` is called, on
 * either of the checkout's paths — node-postgres (its last statement, here run without the COMMIT
 * it rides with) or an attributed order's Prisma transaction. `claimed` resolves once its claim is
 * made (its locks taken).
 */
function orderInFlight(path: Path, reservations: Reservations, couponId: string | null) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reserved!: (outcome: Awaited<ReturnType<typeof reserveStock>>) => void;
  const claimed = new Promise<Awaited<ReturnType<typeof reserveStock>>>((resolve) => (reserved = resolve));
  const done =
    path === "prisma"
      ? db.$transaction(
          async (tx) => {
            reserved(await reserveStock(prismaRunner(tx), reservations, { couponId }));
            await released;
          },
          { timeout: 30_000 },
        )
      : withPgTransaction(async (runner) => {
          const held: SqlRunner = { ...runner, commitAfter: (statement) => runner.execText!(statement) };
          reserved(await reserveStock(held, reservations, { couponId }));
          await released;
        });
  return { claimed, release, done };
}

/** The same claim in a transaction that gives up after 2 s of waiting for a lock. */
const impatientClaim = (path: Path, reservations: Reservations, couponId: string | null) =>
  path === "prisma"
    ? db.$transaction(async (tx: DbTransaction) => {
        await tx.$executeRaw`SET LOCAL lock_timeout = '2s'`;
        return reserveStock(prismaRunner(tx), reservations, { couponId });
      })
    : withPgTransaction(async (runner) => {
        await runner.execText!("SET LOCAL lock_timeout = '2s'");
        return reserveStock(runner, reservations, { couponId });
      });

const settled = { shortProductIds: [], couponUsedUp: false, couponChanged: false };

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  owner = (await db.user.create({
    data: { email: `owner-${randomUUID()}@coupon-uses.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
    select: { id: true, role: true },
  })) as typeof owner;
});

afterAll(async () => {
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { id: { in: couponIds } } });
  await db.auditLog.deleteMany({ where: { actorId: owner.id } });
  await db.user.deleteMany({ where: { id: owner.id } });
  clearDiscountRulesCache();
  await disconnectDb();
});

describe.each<Path>(["node-postgres", "prisma"])("an order's claim on a row with nothing to count (%s)", (path) => {
  it("an unlimited coupon and an untracked product: a second order does not wait for the first to commit", async () => {
    const product = await fx.createProduct({ stock: null });
    const { id } = await coupon(`FREE${path.length}`);
    const first = orderInFlight(path, [{ productId: product.id, quantity: 1 }], id);
    expect(await first.claimed).toEqual(settled);
    // With the first order's transaction still open, the second claims the same rows at once.
    await expect(impatientClaim(path, [{ productId: product.id, quantity: 2 }], id)).resolves.toEqual(settled);
    first.release();
    await first.done;
    expect(await couponRow(id)).toEqual({ usedCount: 0, maxUses: null });
  });

  it("a limited coupon and a tracked product still queue: the second claim waits for the first", async () => {
    const product = await fx.createProduct({ stock: 10 });
    const { id } = await coupon(`LIM${path.length}`, { maxUses: 10 });
    const first = orderInFlight(path, [{ productId: product.id, quantity: 1 }], id);
    expect(await first.claimed).toEqual(settled);
    await expect(impatientClaim(path, [{ productId: product.id, quantity: 1 }], id)).rejects.toThrow(/lock timeout/);
    // The untracked product alone does not queue behind the tracked one's order.
    const untracked = await fx.createProduct({ stock: null });
    await expect(impatientClaim(path, [{ productId: untracked.id, quantity: 1 }], null)).resolves.toEqual(settled);
    first.release();
    await first.done;
    expect(await couponRow(id)).toEqual({ usedCount: 1, maxUses: 10 });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { reserved: true } })).toEqual({ reserved: 1 });
  });

  it("stock tracked from now on: orders claiming meanwhile count as placed before, later ones reserve against it", async () => {
    const product = await fx.createProduct({ stock: null });
    const edit = await holdTransactionOpen(async (tx) => {
      await tx.$executeRaw`UPDATE "Product" SET stock = 1, reserved = 0 WHERE id = ${product.id}`;
    });
    // Two orders while the edit is uncommitted: neither waits for it (nor deadlocks on the other).
    const meanwhile = await Promise.all([0, 1].map(() => impatientClaim(path, [{ productId: product.id, quantity: 1 }], null)));
    expect(meanwhile).toEqual([settled, settled]);
    await edit.commit();
    // After it, the one unit goes to one of two orders at once; the other finds it gone.
    const after = await Promise.all([0, 1].map(() => impatientClaim(path, [{ productId: product.id, quantity: 1 }], null)));
    expect(after.map((outcome) => outcome.shortProductIds).sort()).toEqual([[], [product.id]]);
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { reserved: true } })).toEqual({ reserved: 1 });
  });
});

describe("an unlimited coupon's uses", () => {
  it("are the orders holding it: shown in the list, given back by a cancellation", async () => {
    const product = await fx.createProduct({ stock: null, confirmationMode: "NONE" });
    const { id, code } = await coupon("HELD");
    const orders = await Promise.all([0, 1, 2].map(() => placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() })));
    expect(await listedUses(id)).toEqual({ held: 3, orders: 3 });
    await changeOrderStatus({ orderId: orders[0]!.order.id, to: "CANCELLED", actor: { type: "USER", id: owner.id, role: "OWNER" }, reason: "test" });
    // The cancelled order keeps its discount (orders: 3) and gives its use back (held: 2).
    expect(await listedUses(id)).toEqual({ held: 2, orders: 3 });
    expect((await couponRow(id)).usedCount).toBe(0);
  });

  it("are counted when a limit is set, after the orders in flight, and the limit then holds", async () => {
    const product = await fx.createProduct({ stock: null, confirmationMode: "NONE" });
    const { id, code } = await coupon("SETLIM");
    for (let index = 0; index < 2; index++) await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    const inFlight = orderInFlight("node-postgres", [], id);
    expect(await inFlight.claimed).toEqual(settled);
    let saved = false;
    const saving = saveCoupon({ id, code, kind: "PERCENT", value: "10", scope: "ORDER", maxUses: "3", isActive: "on" }, owner).then((result) => {
      saved = true;
      return result;
    });
    // The edit waits for the order holding the coupon's row…
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(saved).toBe(false);
    // …and counts the committed orders holding the coupon once it has finished.
    inFlight.release();
    await inFlight.done;
    await saving;
    expect(await couponRow(id)).toEqual({ usedCount: 2, maxUses: 3 });
    clearDiscountRulesCache();
    await expect(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() })).resolves.toMatchObject({ created: true });
    const refused = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }).catch((error: AppError) => error);
    expect((refused as AppError).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });
    expect(await listedUses(id)).toEqual({ held: 3, orders: 3 });
  });

  it("an order priced before a limit was set waits for the edit, then claims a use against the limit", async () => {
    const product = await fx.createProduct({ stock: null, confirmationMode: "NONE" });
    const { id, code } = await coupon("RACE");
    await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    // An edit setting a limit as saveCoupon does (the row FOR UPDATE first), held uncommitted while
    // an order priced on the unlimited coupon claims.
    const edit = await holdTransactionOpen(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Coupon" WHERE id = ${id} FOR UPDATE`;
      await tx.$executeRaw`UPDATE "Coupon" SET "maxUses" = 1, "usedCount" = 1 WHERE id = ${id}`;
    });
    const ordering = placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }).catch((error: AppError) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await edit.commit();
    // The limit of one is already held: the order is priced again on the fresh coupon and refused.
    expect(((await ordering) as AppError).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });
    expect(await couponRow(id)).toEqual({ usedCount: 1, maxUses: 1 });
  });
});
