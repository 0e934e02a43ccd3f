// Property-based tests (fast-check) of the entry points that take input from strangers or from
// forms: random and hostile bodies — wrong types, huge and odd unicode strings, injection
// strings, missing and unknown keys — must end in success or a 4xx with a clear code (never an
// unknown 500), and a refused request must write nothing (row counts before and after).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postApiOrder } from "@/app/api/v1/orders/route";
import { parseCheckoutForm } from "@/app/checkout/[product]/parse-checkout-form";
import { registerPartner } from "@/lib/affiliates/register-partner";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, countOrderWrites, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { updateOrderBeforeShipping } from "@/lib/orders/update-order-before-shipping";

const fixtures = checkoutFixtures("fuzz");
let productId = "";
let slug = "";
const scope = () => ({ run: fixtures.run, productIds: [productId] });

// Strings an attacker or a broken client sends.
const HOSTILE_STRINGS = [
  "",
  " ",
  "' OR 1=1 --",
  '"; DROP TABLE "Order"; --',
  "<script>alert(1)</script>",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "\u0000",
  "a\u0000b",
  "\uFEFF\u200B\u202E",
  "😀".repeat(300),
  "Ё".repeat(5_000),
  "x".repeat(70_000),
  "NaN",
  "-1",
  "1e309",
  "0x10",
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
  fc.constantFrom(0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, -0),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** A valid input with one to three fields replaced by hostile values, deleted, or unknown keys added. */
function mutated(base: () => Record<string, unknown>, paths: string[]) {
  const edit = fc.record({ path: fc.constantFrom(...paths, "__extra__", "fields.__extra__"), value: fc.option(hostileValue, { nil: undefined }) });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const input = structuredClone(base());
    for (const { path, value } of edits) {
      const [head, tail] = path.split(".") as [string, string | undefined];
      const parent = tail ? (input[head] ??= {}) : input;
      // An earlier edit replaced the parent object by a scalar: that body is hostile enough.
      if (typeof parent !== "object" || parent === null || Array.isArray(parent)) continue;
      const target = parent as Record<string, unknown>;
      const key = tail ?? head;
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
    return input;
  });
}

/** The outcome of a domain call: success, or the AppError's status; an unknown error fails the test. */
async function outcome(call: () => Promise<unknown>): Promise<{ ok: true } | { ok: false; status: number; code: string }> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    // As the Server Actions and route handlers map it (lib/errors.ts): only the unknown is a 500.
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") throw error;
    return { ok: false, status: appError.status, code: appError.code };
  }
}

const RUNS = { numRuns: 120, endOnFailure: true };
// 120 requests each: on a busy machine (three files at once on two cores) more than the default 30 s.
const FUZZ = { timeout: 120_000 };

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  const product = await fixtures.createProduct({ stock: 1_000_000 });
  productId = product.id;
  slug = product.slug;
});

afterAll(async () => {
  await fixtures.cleanup();
  await disconnectDb();
});

describe("POST /api/v1/orders with hostile bodies", FUZZ, () => {
  const FIELDS = [
    "product",
    "idempotencyKey",
    "quantity",
    "country",
    "paymentMethod",
    "locale",
    "coupon",
    "payAmount",
    "bumpIds",
    "fields",
    "fields.fullName",
    "fields.phone",
    "fields.email",
    "fields.postcode",
    "fields.city",
    "fields.street",
    "fields.house",
    "fields.terms",
  ];
  const body = fc.oneof(
    { weight: 3, arbitrary: mutated(() => fixtures.input(slug, { idempotencyKey: `fuzz-${randomUUID()}` }), FIELDS).map((input) => JSON.stringify(input)) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: hostileString },
  );

  it("answers 2xx or 4xx with an error code, and a refused body writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const before = await countOrderWrites(scope());
        const response = await postApiOrder(
          new Request("http://localhost/api/v1/orders", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": fixtures.ip() }, body: raw }) as never,
        );
        expect(response.status, raw.slice(0, 200)).toBeLessThan(500);
        if (response.status >= 400) {
          const answer = await response.json();
          expect(typeof answer.error?.code).toBe("string");
          expect(await countOrderWrites(scope())).toEqual(before);
        }
      }),
      RUNS,
    );
  });
});

describe("the checkout form (its parser, then placeOrder) with hostile form data", FUZZ, () => {
  const NAMES = [
    "product",
    "idempotencyKey",
    "quantity",
    "country",
    "paymentMethod",
    "payAmount",
    "currency",
    "bumpIds",
    "coupon",
    "expectedTotal",
    "field.fullName",
    "field.phone",
    "field.email",
    "field.postcode",
    "field.terms",
    "utm_source",
    "referrer",
  ];
  const valid = () => ({
    product: slug,
    idempotencyKey: `fuzz-form-${randomUUID()}`,
    quantity: "1",
    country: "RU",
    paymentMethod: "COD",
    "field.fullName": "Иван Петров",
    "field.phone": fixtures.phone(),
    "field.email": fixtures.email(),
    "field.postcode": "101000",
    "field.city": "Москва",
    "field.street": "ул. Ленина",
    "field.house": "10",
    "field.terms": "on",
  });
  const entries = fc
    .tuple(fc.array(fc.record({ name: fc.constantFrom(...NAMES), value: fc.option(hostileString, { nil: undefined }) }), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([edits, fromScratch]) => {
      const form: Record<string, string> = fromScratch ? {} : valid();
      for (const { name, value } of edits) {
        if (value === undefined) delete form[name];
        else form[name] = value;
      }
      return form;
    });

  it("gives field or form errors, or places the order; refused forms write nothing", async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (form) => {
        const formData = new FormData();
        for (const [name, value] of Object.entries(form)) formData.append(name, value);
        const before = await countOrderWrites(scope());
        const parsed = parseCheckoutForm(formData);
        if (!parsed.ok) {
          expect(Object.keys(parsed.fieldErrors).length > 0 || parsed.formError !== null).toBe(true);
        } else {
          const result = await outcome(() => placeOrder({ ...parsed.input, locale: "ru" }, { ip: fixtures.ip() }));
          if (result.ok) return;
          expect(result.status).toBeGreaterThanOrEqual(400);
          expect(result.status).toBeLessThan(500);
        }
        expect(await countOrderWrites(scope())).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe("text PostgreSQL cannot store", () => {
  it.each([
    ["a product slug", { product: "cream\u0000" }, {}],
    ["a name", {}, { fullName: "Иван\u0000Петров" }],
    ["a comment", {}, { comment: "\u0000" }],
  ])("a NUL in %s is a 422 with nothing written", async (_where, overrides, fields) => {
    const before = await countOrderWrites(scope());
    const result = await outcome(() => placeOrder({ ...fixtures.input(slug, overrides, fields), locale: "ru" }, { ip: fixtures.ip() }));
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(await countOrderWrites(scope())).toEqual(before);
  });

  it("a NUL that reaches the database through a lax validator is the sender's 422, not a 500", async () => {
    const error = await db.order.findFirst({ where: { customerName: "a\u0000b" }, select: { id: true } }).catch((caught: unknown) => caught);
    expect(toAppError(error)).toMatchObject({ code: "VALIDATION", status: 422 });
  });
});

describe("partner registration with hostile input", FUZZ, () => {
  const valid = () => ({
    name: "Fuzz Partner",
    email: `fuzz-${randomUUID().slice(0, 12)}@example.com`,
    login: `fz${randomUUID().replaceAll("-", "").slice(0, 12)}`,
    contact: "@fuzz",
    terms: true,
    locale: "en",
  });
  const input = fc.oneof({ weight: 3, arbitrary: mutated(valid, ["name", "email", "login", "contact", "terms", "ref", "locale"]) }, { weight: 1, arbitrary: fc.anything() });

  it("registers or refuses with 4xx; a refusal creates no partner, token, mail or audit row", async () => {
    await fc.assert(
      fc.asyncProperty(input, async (body) => {
        const ip = fixtures.ip();
        const record = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
        // A text with NUL cannot be stored (nor looked up) in PostgreSQL: no partner can have it.
        const storable = (value: unknown) => (typeof value === "string" && !value.includes("\u0000") ? value.trim().toLowerCase() : null);
        const email = storable(record.email);
        const login = storable(record.login);
        const matching = () => (email || login ? db.partner.count({ where: { OR: [...(email ? [{ email }] : []), ...(login ? [{ login }] : [])] } }) : Promise.resolve(0));
        const before = await matching();
        const result = await outcome(() => registerPartner(body, { ip }));
        if (result.ok) return;
        expect(result.status).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        const [partners, audits] = await Promise.all([matching(), db.auditLog.count({ where: { ip } })]);
        expect(partners).toBe(before);
        expect(audits).toBe(0);
      }),
      RUNS,
    );
  });
});

describe("admin order edits with hostile input", FUZZ, () => {
  let orderId = "";
  const actor = { type: "USER" as const, id: "fuzz-operator", role: "OPERATOR" as const };

  beforeAll(async () => {
    const placed = await placeOrder({ ...fixtures.input(slug), locale: "ru" }, { ip: fixtures.ip() });
    orderId = placed.order.id;
  });

  const snapshot = async () => {
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        status: true,
        itemsTotal: true,
        discountTotal: true,
        shippingTotal: true,
        total: true,
        customerName: true,
        phone: true,
        email: true,
        postcode: true,
        city: true,
        street: true,
        notes: true,
        trackingNumber: true,
        updatedAt: true,
        items: { select: { id: true, productId: true, quantity: true, unitPrice: true }, orderBy: { id: "asc" } },
      },
    });
    const history = await db.orderStatusChange.count({ where: { orderId } });
    return { order, history };
  };

  it("updateOrderBeforeShipping edits or refuses with 4xx, and a refusal leaves the order as it was", async () => {
    const edits = mutated(
      () => ({ orderId, actor, address: { city: "Тверь", street: "ул. Советская" }, notes: "позвонить после 18:00" }),
      ["orderId", "items", "address", "address.customerName", "address.phone", "address.email", "address.postcode", "address.city", "notes", "actor"],
    );
    await fc.assert(
      fc.asyncProperty(edits, async (edit) => {
        const before = await snapshot();
        const result = await outcome(() => updateOrderBeforeShipping(edit as never));
        if (result.ok) return;
        expect(result.status).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        expect(await snapshot()).toEqual(before);
      }),
      RUNS,
    );
  });

  it("changeOrderStatus moves through the transition table or refuses with 4xx, changing nothing", async () => {
    const moves = mutated(() => ({ orderId, actor, to: "CONFIRMED" }), ["orderId", "to", "actor", "reason", "trackingNumber", "expectedFrom"]);
    await fc.assert(
      fc.asyncProperty(moves, async (move) => {
        const before = await snapshot();
        const result = await outcome(() => changeOrderStatus(move as never));
        if (result.ok) return;
        expect(result.status).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        expect(await snapshot()).toEqual(before);
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
});
