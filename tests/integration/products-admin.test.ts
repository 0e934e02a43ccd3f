// The admin panel's product operations against a real PostgreSQL: create and update (bad input
// writes nothing), slug uniqueness, copy (what is copied and what is not), the form constructor's
// rules and the pin codes' de-duplication and remaining count. Every write is audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addPinCodes } from "@/lib/products/add-pin-codes";
import { copyProduct } from "@/lib/products/copy-product";
import { createProduct } from "@/lib/products/create-product";
import { getPinCodeSummary } from "@/lib/products/get-pin-code-summary";
import { getProductOrThrow } from "@/lib/products/get-product";
import { listDigitalFiles } from "@/lib/products/list-digital-files";
import { listProducts } from "@/lib/products/list-products";
import type { TProductInput } from "@/lib/products/product-input";
import { setProductActive } from "@/lib/products/set-product-active";
import { setProductEmailTexts } from "@/lib/products/set-product-email-texts";
import { setProductFormFields } from "@/lib/products/set-product-form-fields";
import { updateProduct } from "@/lib/products/update-product";

const run = randomUUID().slice(0, 8);
let counter = 0;
const slug = () => `p-${run}-${++counter}`;
let actor = { id: "" };

const productInput = (overrides: Partial<TProductInput> = {}): TProductInput => ({
  name: "Test watch",
  slug: slug(),
  type: "PHYSICAL",
  currency: "RUB",
  confirmationMode: "EMAIL_LINK",
  rewardTrigger: "APPROVAL",
  stock: 10,
  codCountries: ["RU", "KZ"],
  prices: [
    { region: "RU", price: 195000, compareAtPrice: 250000 }, // 1,950.00 RUB, was 2,500.00
    { region: "CIS", price: 205000 }, // 2,050.00 RUB
  ],
  priceTiers: [{ region: "RU", minQuantity: 3, unitPrice: 180000 }], // 1,800.00 RUB from 3 units
  commissions: [
    { kind: "FIXED", value: 40000 }, // 400.00 RUB to the partner
    { kind: "PERCENT", value: 500 }, // 5 % to their parent
  ],
  ...overrides,
});

async function expectValidation(promise: Promise<unknown>, fields: string[]) {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  expect(Object.keys((error as AppError).fieldErrors ?? {}).sort()).toEqual([...fields].sort());
}

const productState = (id: string) =>
  db.product.findUniqueOrThrow({
    where: { id },
    select: {
      name: true,
      slug: true,
      stock: true,
      prices: { orderBy: { region: "asc" } },
      priceTiers: true,
      commissions: { orderBy: { level: "asc" } },
      formFields: { orderBy: { position: "asc" } },
    },
  });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  actor = await db.user.create({ data: { email: `manager-${run}@products.test`, name: "Manager", role: "MANAGER", passwordHash: "x" }, select: { id: true } });
});

afterAll(async () => {
  const products = await db.product.findMany({ where: { slug: { startsWith: `p-${run}` } }, select: { id: true } });
  await db.auditLog.deleteMany({ where: { actorId: actor.id } });
  await db.product.deleteMany({ where: { id: { in: products.map((product) => product.id) } } });
  await db.user.deleteMany({ where: { id: actor.id } });
  await disconnectDb();
});

describe("createProduct / updateProduct", () => {
  it("creates a product with its price tables, inactive by default, audited", async () => {
    const input = productInput();
    const created = await createProduct({ product: input }, actor);
    const product = await getProductOrThrow(created.id);
    expect(product).toMatchObject({ slug: input.slug, isActive: false, currency: "RUB", stock: 10, codCountries: ["RU", "KZ"] });
    expect(product.prices).toEqual(
      expect.arrayContaining([
        { region: "RU", price: 195000, compareAtPrice: 250000, minimumPrice: null },
        { region: "CIS", price: 205000, compareAtPrice: null, minimumPrice: null },
      ]),
    );
    expect(product.priceTiers).toEqual([{ region: "RU", minQuantity: 3, unitPrice: 180000 }]);
    expect(product.commissions).toEqual([
      { level: 0, kind: "FIXED", value: 40000 },
      { level: 1, kind: "PERCENT", value: 500 },
    ]);
    expect(await db.auditLog.count({ where: { action: "product.created", entityId: created.id, actorType: "staff", actorId: actor.id } })).toBe(1);
  });

  it("updates every table at once", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    await updateProduct(id, productInput({ name: "Renamed", prices: [{ region: "RU", price: 210000 }], priceTiers: [], commissions: [{ kind: "PERCENT", value: 2500 }] }), actor); // 2,100.00 RUB; 25 %
    const state = await productState(id);
    expect(state.name).toBe("Renamed");
    expect(state.prices.map((price) => [price.region, price.price])).toEqual([["RU", 210000]]);
    expect(state.priceTiers).toEqual([]);
    expect(state.commissions.map((row) => [row.level, row.kind, row.value])).toEqual([[0, "PERCENT", 2500]]);
    expect(await db.auditLog.count({ where: { action: "product.updated", entityId: id } })).toBe(1);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    const before = await productState(id);
    await expectValidation(
      updateProduct(
        id,
        productInput({
          name: "",
          slug: "Bad Slug!",
          imageUrl: "javascript:alert(1)",
          thankYouPageUrl: "ftp://example.com",
          prices: [{ region: "RU", price: -1 }],
          commissions: [{ kind: "PERCENT", value: 10001 }],
        }),
        actor,
      ),
      ["name", "slug", "imageUrl", "thankYouPageUrl", "prices.0.price", "commissions.0.value"],
    );
    await expectValidation(updateProduct(id, productInput({ currency: "ZZZ" }), actor), ["currency"]);
    // XX: a user-assigned ISO code no test file creates (the settings tests add ZZ and Q…, disabled, for a moment).
    await expectValidation(updateProduct(id, productInput({ codCountries: ["XX"] }), actor), ["codCountries"]);
    await expectValidation(updateProduct(id, productInput({ payWhatYouWant: true }), actor), ["prices.0.minimumPrice", "prices.1.minimumPrice"]);
    await expectValidation(updateProduct(id, productInput({ priceTiers: [{ region: "WORLD", minQuantity: 2, unitPrice: 100 }] }), actor), ["priceTiers.0.region"]);
    expect(await productState(id)).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "product.updated", entityId: id } })).toBe(0);
  });

  it("keeps slugs unique on create and on update", async () => {
    const first = productInput();
    await createProduct({ product: first }, actor);
    await expectValidation(createProduct({ product: productInput({ slug: first.slug }) }, actor), ["slug"]);
    await expectValidation(createProduct({ product: productInput({ slug: "Not a slug" }) }, actor), ["slug"]);
    const { id } = await createProduct({ product: productInput() }, actor);
    await expectValidation(updateProduct(id, productInput({ slug: first.slug }), actor), ["slug"]);
  });

  it("does not let stock fall below the reserved units", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    await db.product.update({ where: { id }, data: { reserved: 4 } });
    await expectValidation(updateProduct(id, productInput({ stock: 3 }), actor), ["stock"]);
  });

  it("toggles the product on and off and lists it with converted prices", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    await setProductActive({ productId: id, isActive: true }, actor);
    const row = (await listProducts()).find((product) => product.id === id);
    expect(row).toMatchObject({ isActive: true, currency: "RUB", price: 195000 });
    expect(await db.auditLog.count({ where: { action: "product.activated", entityId: id } })).toBe(1);
  });
});

describe("copyProduct", () => {
  it("copies prices, tiers, commissions, texts, form and own shipping rules, but not pin codes or files", async () => {
    const source = await createProduct({ product: productInput({ type: "DIGITAL", stock: null }), isActive: true }, actor);
    await setProductFormFields(
      {
        productId: source.id,
        fields: [
          { type: "EMAIL", key: "email", isRequired: true },
          { type: "CUSTOM", key: "size", label: "Size", options: ["S", "M"] },
        ],
      },
      actor,
    );
    await setProductEmailTexts({ productId: source.id, texts: [{ template: "order-confirm", locale: "ru", subject: "Подтвердите", body: "Текст" }] }, actor);
    await db.shippingRule.create({ data: { name: "own", method: "POST", productId: source.id, country: "RU", cost: 10000, currency: "RUB" } }); // 100.00 RUB
    await addPinCodes({ productId: source.id, text: "AAA-1\nAAA-2" }, actor);
    await db.digitalFile.create({ data: { productId: source.id, fileName: "manual.pdf", storageKey: `k-${run}`, contentType: "application/pdf", sizeBytes: 5_000_000_000n } });

    const first = await copyProduct({ productId: source.id }, actor);
    const second = await copyProduct({ productId: source.id }, actor);
    const sourceSlug = (await getProductOrThrow(source.id)).slug;
    expect(first.slug).toBe(`${sourceSlug}-copy`);
    expect(second.slug).toBe(`${sourceSlug}-copy-2`);

    const original = await getProductOrThrow(source.id);
    const copy = await getProductOrThrow(first.id);
    expect(copy).toMatchObject({ isActive: false, copiedFromId: source.id, type: "DIGITAL", name: original.name });
    const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(copy.prices)).toEqual(sorted(original.prices));
    expect(copy.priceTiers).toEqual(original.priceTiers);
    expect(copy.commissions).toEqual(original.commissions);
    expect(copy.formFields).toEqual(original.formFields);
    expect(copy.emailTexts).toEqual(original.emailTexts);
    expect(await db.shippingRule.count({ where: { productId: first.id } })).toBe(1);
    expect(await db.pinCode.count({ where: { productId: first.id } })).toBe(0);
    expect(await listDigitalFiles(first.id)).toEqual([]);
    // Sizes past 2^32 survive as exact strings (the column is a BigInt).
    expect(await listDigitalFiles(source.id)).toEqual([{ id: expect.any(String), fileName: "manual.pdf", contentType: "application/pdf", sizeBytes: "5000000000" }]);
    expect(await db.auditLog.count({ where: { action: "product.copied", entityId: first.id } })).toBe(1);
  });
});

describe("setProductFormFields", () => {
  it("saves the fields in order, and an empty list resets to the default form", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    await setProductFormFields(
      {
        productId: id,
        fields: [
          { type: "PHONE", key: "phone", isRequired: true, mask: "+7 (999) 999-99-99" },
          { type: "FULL_NAME", key: "fullName", isRequired: true, validator: "name" },
          { type: "CUSTOM", key: "engraving", label: "Engraving", validator: "^[A-Z ]{0,20}$" },
        ],
      },
      actor,
    );
    expect((await productState(id)).formFields.map((field) => [field.key, field.position, field.isRequired])).toEqual([
      ["phone", 0, true],
      ["fullName", 10, true],
      ["engraving", 20, false],
    ]);
    await setProductFormFields({ productId: id, fields: [] }, actor);
    expect((await productState(id)).formFields).toEqual([]);
  });

  it("refuses duplicate keys, an eleventh custom field and a broken validator, writing nothing", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    await setProductFormFields({ productId: id, fields: [{ type: "PHONE", key: "phone" }] }, actor);
    await expectValidation(
      setProductFormFields(
        {
          productId: id,
          fields: [
            { type: "PHONE", key: "phone" },
            { type: "CUSTOM", key: "phone", label: "Again" },
          ],
        },
        actor,
      ),
      ["fields.1.key"],
    );
    const eleven = Array.from({ length: 11 }, (_, index) => ({ type: "CUSTOM" as const, key: `custom${index + 1}`, label: `Q${index + 1}` }));
    await expectValidation(setProductFormFields({ productId: id, fields: eleven }, actor), ["fields.10.type"]);
    await expectValidation(setProductFormFields({ productId: id, fields: [{ type: "CITY", key: "city", validator: "([" }] }, actor), ["fields.0.validator"]);
    expect((await productState(id)).formFields.map((field) => field.key)).toEqual(["phone"]);
  });
});

describe("setProductEmailTexts", () => {
  it("saves, replaces and removes a text per template and language", async () => {
    const { id } = await createProduct({ product: productInput() }, actor);
    await setProductEmailTexts({ productId: id, texts: [{ template: "order-accepted", locale: "en", subject: "Thanks", body: "We got it" }] }, actor);
    await setProductEmailTexts({ productId: id, texts: [{ template: "order-accepted", locale: "en", subject: "", body: "Updated" }] }, actor);
    expect((await getProductOrThrow(id)).emailTexts).toEqual([{ template: "order-accepted", locale: "en", subject: null, body: "Updated" }]);
    await setProductEmailTexts({ productId: id, texts: [{ template: "order-accepted", locale: "en", body: "" }] }, actor);
    expect((await getProductOrThrow(id)).emailTexts).toEqual([]);
    await expectValidation(setProductEmailTexts({ productId: id, texts: [{ template: "order-new-shop-notice" as "order-confirm", locale: "en", body: "x" }] }, actor), ["texts.0.template"]);
  });
});

describe("addPinCodes", () => {
  it("adds pasted codes once each and counts what remains", async () => {
    const { id } = await createProduct({ product: productInput({ type: "DIGITAL", stock: null }) }, actor);
    expect(await addPinCodes({ productId: id, text: "KEY-1\r\n KEY-2 \n\nKEY-1\nKEY-3" }, actor)).toEqual({ added: 3, skipped: 1, remaining: 3 });
    expect(await addPinCodes({ productId: id, text: "KEY-3\nKEY-4" }, actor)).toEqual({ added: 1, skipped: 1, remaining: 4 });
    await db.pinCode.updateMany({ where: { productId: id, code: "KEY-1" }, data: { assignedAt: new Date() } });
    expect((await getPinCodeSummary(id)).remaining).toBe(4);
    await expectValidation(addPinCodes({ productId: id, text: " \n \n" }, actor), ["text"]);
    expect(await db.pinCode.count({ where: { productId: id } })).toBe(4);
  });
});
