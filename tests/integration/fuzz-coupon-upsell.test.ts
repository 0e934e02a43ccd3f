// Property-based tests (fast-check) of the checkout's coupon quote and the thank-you page's
// one-click offer, as tests/integration/fuzz-hostile-input.test.ts does for orders: random and
// hostile inputs — wrong types, odd unicode, injection strings, missing and unknown keys, codes in
// any case and spacing — end in success or a 4xx with a clear code (never an unknown error, which
// the routes answer as 500), a quote never writes (orders, discounts, coupon uses: row counts
// before and after), and a refused offer changes nothing of the order.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { quoteCheckoutAction } from "@/app/checkout/[product]/quote-action";
import { placeOrder } from "@/lib/checkout/place-order";
import { quoteCheckout } from "@/lib/checkout/quote-checkout";
import { checkoutFixtures, countOrderWrites, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { clearDiscountRulesCache } from "@/lib/marketing/discounts/load-discount-rules";
import { getPostOrderOffers } from "@/lib/marketing/upsells/get-post-order-offers";
import { takeUpsellOffer } from "@/lib/marketing/upsells/take-upsell-offer";
import { createUpsell, removeUpsellMails } from "@/lib/marketing/upsells/test-fixtures";

const request = vi.hoisted(() => ({ ip: "203.0.113.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.ip }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "ru" }));

const fx = checkoutFixtures("fuzz-coupon");
const run = randomUUID().slice(0, 8).toUpperCase();
let slug = "";
let productId = "";
const couponIds: string[] = [];
const codes: string[] = [];
const orderIds: string[] = [];
const offers = { mine: { publicId: "", viewId: "", orderId: "" }, theirs: { publicId: "", viewId: "", orderId: "" } };

const HOSTILE_STRINGS = [
  "",
  " ",
  "' OR 1=1 --",
  '"; DROP TABLE "Coupon"; --',
  "<script>alert(1)</script>",
  "{{7*7}}${7*7}",
  "\u0000",
  "a\u0000b",
  "\uFEFF\u200B\u202E",
  "😀".repeat(300),
  "Ё".repeat(5_000),
  "x".repeat(70_000),
  "NaN",
  "-1",
  "1e309",
  "null",
  "__proto__",
  "constructor",
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, -0, Number.NaN),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** A valid input with one to three fields replaced by hostile values, deleted, or unknown keys added. */
function mutated(base: () => Record<string, unknown>, paths: string[]) {
  const edit = fc.record({ path: fc.constantFrom(...paths, "__extra__"), value: fc.option(hostileValue, { nil: undefined }) });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const input = structuredClone(base());
    for (const { path, value } of edits) {
      const [head, tail] = path.split(".") as [string, string | undefined];
      const parent = tail ? (input[head] ??= {}) : input;
      if (typeof parent !== "object" || parent === null || Array.isArray(parent)) continue;
      const target = parent as Record<string, unknown>;
      const key = tail ?? head;
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
    return input;
  });
}

/** Success, or the AppError's status and code; an unknown error (a 500) fails the test. */
async function outcome<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; status: number; code: string }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") throw error;
    return { ok: false, status: appError.status, code: appError.code };
  }
}

const RUNS = { numRuns: 100, endOnFailure: true };

/** What a quote must never change: the orders of this file's product and the coupons' uses. */
const writes = async () => ({
  orders: await countOrderWrites({ run: fx.run, productIds: [productId] }),
  uses: (await db.coupon.aggregate({ where: { id: { in: couponIds } }, _sum: { usedCount: true } }))._sum.usedCount,
  discounts: await db.orderDiscount.count({ where: { couponId: { in: couponIds } } }),
});

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  const product = await fx.createProduct({ stock: 1_000_000, confirmationMode: "NONE" });
  slug = product.slug;
  productId = product.id;
  const coupons = [
    { code: `FZ${run}PCT`, kind: "PERCENT" as const, value: 1000, maxUsesPerCustomer: 1 }, // 10 %
    { code: `FZ${run}FIX`, kind: "FIXED" as const, value: 50000, currency: "RUB", minOrderTotal: 100000, scope: "ITEMS" as const }, // 500.00 off from 1,000.00 RUB
    { code: `FZ${run}OLD`, kind: "PERCENT" as const, value: 500, endsAt: new Date(Date.now() - 60_000) },
    { code: `FZ${run}GONE`, kind: "PERCENT" as const, value: 500, maxUses: 1, usedCount: 1 },
    { code: `FZ${run}NEW`, kind: "PERCENT" as const, value: 2000, firstOrderOnly: true, combinable: true },
    { code: `FZ${run}USD`, kind: "FIXED" as const, value: 1000, currency: "USD" },
  ];
  for (const data of coupons) {
    couponIds.push((await db.coupon.create({ data: { ...data, products: { create: { productId } } }, select: { id: true } })).id);
    codes.push(data.code);
  }
  await createUpsell(fx, productId);
  for (const side of ["mine", "theirs"] as const) {
    const placed = await placeOrder(fx.input(slug), { ip: fx.ip() });
    orderIds.push(placed.order.id);
    const [offer] = await getPostOrderOffers(placed.order.publicId, { locale: "ru", record: true });
    offers[side] = { publicId: placed.order.publicId, viewId: offer!.viewId!, orderId: placed.order.id };
  }
});

afterAll(async () => {
  await removeUpsellMails(orderIds);
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { id: { in: couponIds } } });
  clearDiscountRulesCache();
  await disconnectDb();
});

describe("the coupon quote with hostile input", () => {
  const FIELDS = ["product", "quantity", "country", "paymentMethod", "shippingMethod", "payAmount", "bumpIds", "locale", "coupon", "fields", "fields.phone", "fields.email"];
  // A real code of this file in any case and spacing, an unknown one, or something else entirely.
  const coupon = fc.oneof(
    fc.constantFrom(...Array.from({ length: 6 }, (_, index) => index)).chain((index) =>
      fc
        .constantFrom(
          (code: string) => code,
          (code: string) => code.toLowerCase(),
          (code: string) => `  ${code}\t`,
        )
        .map((shape) => shape(codes[index]!)),
    ),
    fc.constantFrom(`FZ${run}NOPE`, "WELCOME10 ", "%", "_", "*"),
    hostileString,
  );
  const valid = fc.tuple(coupon, fc.integer({ min: 1, max: 5 })).map(([code, quantity]) => () => ({
    product: slug,
    quantity,
    country: "RU",
    paymentMethod: "COD",
    locale: "ru",
    coupon: code,
    fields: { phone: fx.phone(), email: fx.email() },
  }));
  const input = fc.oneof(
    { weight: 2, arbitrary: valid.map((base) => base()) },
    { weight: 4, arbitrary: valid.chain((base) => mutated(base, FIELDS)) },
    { weight: 1, arbitrary: fc.jsonValue() },
  );

  it("prices or refuses with a 4xx, with sane figures, and never writes", async () => {
    const before = await writes();
    const seen = { priced: 0, refused: 0, applied: 0, notApplicable: 0 };
    await fc.assert(
      fc.asyncProperty(input, async (body) => {
        const result = await outcome(() => quoteCheckout(body, { ip: fx.ip() }));
        if (!result.ok) {
          expect(result.status, JSON.stringify(body).slice(0, 200)).toBeGreaterThanOrEqual(400);
          expect(result.status).toBeLessThan(500);
          expect(["VALIDATION", "NOT_FOUND", "RATE_LIMITED"]).toContain(result.code);
          seen.refused += 1;
          return;
        }
        seen.priced += 1;
        const { totals, discounts, coupon: applied } = result.value;
        if (applied?.status === "APPLIED") seen.applied += 1;
        if (applied?.status === "NOT_APPLICABLE") seen.notApplicable += 1;
        for (const amount of [totals.itemsTotal, totals.discountTotal, totals.shippingTotal, totals.total]) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
        expect(totals.total).toBe(totals.itemsTotal - totals.discountTotal + totals.shippingTotal);
        for (const discount of discounts) expect(discount.amount).toBeGreaterThanOrEqual(0);
        if (applied) expect(["APPLIED", "NOT_BEST", "NOT_APPLICABLE"]).toContain(applied.status);
      }),
      RUNS,
    );
    expect(await writes()).toEqual(before);
    // The runs reached the pricing with coupons that apply and ones that do not, not only the parser.
    expect(seen.priced).toBeGreaterThan(10);
    expect(seen.applied).toBeGreaterThan(0);
    expect(seen.notApplicable).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it("through the page's Server Action: a result or INVALID / RATE_LIMITED, never FAILED", async () => {
    let quoted = 0;
    await fc.assert(
      fc.asyncProperty(input, fc.ipV4(), async (body, ip) => {
        request.ip = ip;
        const result = await quoteCheckoutAction(body as Record<string, unknown>);
        if (result.ok) quoted += 1;
        else expect(["INVALID", "RATE_LIMITED"], JSON.stringify(body).slice(0, 200)).toContain(result.code);
      }),
      { numRuns: 60, endOnFailure: true },
    );
    expect(quoted).toBeGreaterThan(0);
  });
});

describe("the one-click offer with hostile input", () => {
  const snapshot = async (orderId: string) =>
    db.order.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        itemsTotal: true,
        discountTotal: true,
        total: true,
        items: { select: { id: true, quantity: true, total: true }, orderBy: { id: "asc" } },
        upsellViews: { select: { id: true, takenAt: true } },
      },
    });
  // The right key, another order's key, or anything else, for either field.
  const publicId = fc.oneof(
    fc.constant(() => offers.mine.publicId),
    fc.constant(() => offers.theirs.publicId),
    hostileValue.map((value) => () => value),
    fc.uuid().map((value) => () => value),
  );
  const viewId = fc.oneof(
    fc.constant(() => offers.mine.viewId),
    fc.constant(() => offers.theirs.viewId),
    hostileValue.map((value) => () => value),
  );
  const input = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(publicId, viewId, fc.option(fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }), { nil: undefined }))
        .map(([order, view, extra]) => () => ({ ...extra, publicId: order(), viewId: view() })),
    },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => () => value) },
  );

  it("adds the offer to its own order at most once, and a refused request changes neither order", async () => {
    const seen = { added: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(input, async (build) => {
        const body = build();
        const before = await Promise.all([snapshot(offers.mine.orderId), snapshot(offers.theirs.orderId)]);
        const result = await outcome(() => takeUpsellOffer(body as never, { ip: fx.ip() }));
        const after = await Promise.all([snapshot(offers.mine.orderId), snapshot(offers.theirs.orderId)]);
        if (!result.ok) {
          expect(result.status, JSON.stringify(body).slice(0, 200)).toBeGreaterThanOrEqual(400);
          expect(result.status).toBeLessThan(500);
          expect(after).toEqual(before);
          seen.refused += 1;
          return;
        }
        if (result.value.outcome === "ADDED") seen.added += 1;
        // Only a matching pair succeeds; the second time it changes nothing.
        const side = (body as { publicId: string }).publicId === offers.mine.publicId ? 0 : 1;
        expect((body as { viewId: string }).viewId).toBe(side === 0 ? offers.mine.viewId : offers.theirs.viewId);
        if (result.value.outcome === "ALREADY_ADDED") expect(after).toEqual(before);
        else expect(after[side]!.items).toHaveLength(before[side]!.items.length + 1);
        expect(after[1 - side]).toEqual(before[1 - side]);
      }),
      RUNS,
    );
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.added).toBeGreaterThan(0);
    expect(seen.added).toBeLessThanOrEqual(2);
    // However many tries landed, each order holds the offer at most once.
    for (const orderId of [offers.mine.orderId, offers.theirs.orderId]) expect((await snapshot(orderId)).items.length).toBeLessThanOrEqual(2);
  });
});
