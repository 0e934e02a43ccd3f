// getCheckout against a real PostgreSQL: what a checkout page receives for a product and a
// country — prices by region, tiers, the form, payment and delivery methods, converted prices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { checkoutFixtures, ensureCheckoutReferenceData, TEST_CURRENCY } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearRatesCache } from "@/lib/pricing/get-rates-map";

const fx = checkoutFixtures("view");

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  clearRatesCache();
});

afterAll(async () => {
  await fx.cleanup();
  await disconnectDb();
});

describe("getCheckout", () => {
  it("prices the product for the requested country's region with the default form", async () => {
    const product = await fx.createProduct({
      stock: 7,
      prices: { RU: { price: 195000, compareAtPrice: 250000 }, CIS: { price: 205000 } }, // 1,950.00 (was 2,500.00) / 2,050.00 RUB
      tiers: [
        { region: "RU", minQuantity: 3, unitPrice: 180000 }, // 1,800.00 RUB from 3
        { region: "CIS", minQuantity: 2, unitPrice: 200000 },
      ],
      shipping: [
        { method: "POST", country: "RU", cost: 30000 }, // 300.00 RUB
        { method: "COURIER", country: "RU", cost: 50000 }, // 500.00 RUB
        { method: "POST", region: "CIS", cost: 60000 }, // 600.00 RUB
      ],
    });
    const ru = await getCheckout(product.slug, { country: "RU", locale: "en" });
    expect(ru).toMatchObject({
      product: { id: product.id, slug: product.slug, name: product.name, type: "PHYSICAL", currency: "RUB", payWhatYouWant: false, minimumPrice: null, confirmationMode: "EMAIL_LINK" },
      country: "RU",
      region: "RU",
      unitPrice: 195000,
      compareAtPrice: 250000,
      tiers: [{ minQuantity: 3, unitPrice: 180000 }],
      maxQuantity: 7,
      paymentMethods: ["COD", "COURIER"],
      shipping: [
        { method: "POST", cost: 30000 },
        { method: "COURIER", cost: 50000 },
      ],
      bumps: [],
    });
    // Only countries of the regions the product is priced in (not sold in WORLD).
    expect(ru.countries.map((country) => country.code)).toEqual(expect.arrayContaining(["RU", "KZ"]));
    expect(ru.countries.some((country) => country.code === "DE" || country.code === "US")).toBe(false);
    expect(ru.countries.find((country) => country.code === "RU")).toEqual({ code: "RU", region: "RU", phoneCode: "+7", phoneMask: "+7 (999) 999-99-99", postcodePattern: "^\\d{6}$" });

    expect(ru.fields.map((field) => [field.key, field.type, field.required])).toEqual([
      ["fullName", "FULL_NAME", true],
      ["phone", "PHONE", true],
      ["email", "EMAIL", true], // EMAIL_LINK needs it
      ["country", "COUNTRY", true],
      ["postcode", "POSTCODE", true],
      ["city", "CITY", true],
      ["street", "STREET", true],
      ["house", "HOUSE", true],
      ["flat", "FLAT", false],
      ["comment", "COMMENT", false],
      ["terms", "TERMS_CONSENT", true],
    ]);
    expect(ru.fields[0]).toEqual({ key: "fullName", type: "FULL_NAME", label: "Full name", placeholder: null, required: true, validator: null, mask: null, options: null, position: 0 });

    const kz = await getCheckout(product.id, { country: "kz", locale: "ru" });
    expect(kz).toMatchObject({
      country: "KZ",
      region: "CIS",
      unitPrice: 205000,
      compareAtPrice: null,
      tiers: [{ minQuantity: 2, unitPrice: 200000 }],
      paymentMethods: ["COD"],
      shipping: [{ method: "POST", cost: 60000 }],
    });
    expect(kz.fields[0]!.label).toBe("ФИО");
    // The view crosses to client components as is: plain JSON.
    expect(JSON.parse(JSON.stringify(kz))).toEqual(kz);
  });

  it("falls back to the shop's default country, and limits COD to the product's countries", async () => {
    const product = await fx.createProduct({ codCountries: ["KZ"], shipping: [] });
    const view = await getCheckout(product.slug, { country: "FR", locale: "en" });
    expect(view.country).toBe("RU");
    // Post without a rule is free; COD only in Kazakhstan.
    expect(view.shipping).toEqual([{ method: "POST", cost: 0 }]);
    expect(view.paymentMethods).toEqual([]);
    expect((await getCheckout(product.slug, { country: "KZ", locale: "en" })).paymentMethods).toEqual(["COD"]);
  });

  it("shows pay-what-you-want with its minimum, prices in other currencies, and order bumps", async () => {
    const product = await fx.createProduct({ currency: TEST_CURRENCY, payWhatYouWant: true, prices: { WORLD: { price: 10000, minimumPrice: 2500 } }, shipping: [], stock: null }); // 100.00 XTS, at least 25.00
    const bump = await fx.createBump(product.id, { price: 1500, currency: TEST_CURRENCY, quantity: 2, title: "Extra strap" }); // 15.00 XTS each
    // Not on the checkout page: a thank-you page offer, and a bump without a price in XTS.
    await db.upsell.create({
      data: {
        kind: "ONE_CLICK",
        offerProductId: bump.offerProductId,
        title: "After",
        triggers: { create: { productId: product.id } },
        prices: { create: { currency: TEST_CURRENCY, price: 1 } },
      },
    });
    await db.upsell.create({
      data: {
        kind: "BUMP",
        offerProductId: bump.offerProductId,
        title: "Roubles only",
        triggers: { create: { productId: product.id } },
        prices: { create: { currency: "RUB", price: 100 } },
      },
    });
    const view = await getCheckout(product.slug, { country: "DE", locale: "en" });
    expect(view).toMatchObject({
      product: { currency: TEST_CURRENCY, payWhatYouWant: true, minimumPrice: 2500 },
      country: "DE",
      region: "WORLD",
      unitPrice: 10000,
      maxQuantity: 99,
      displayPrices: [
        { currency: "USD", amount: 5000 }, // 100.00 XTS × 0.5 = 50.00 USD
        { currency: "EUR", amount: 4000 }, // 100.00 XTS × 0.4 = 40.00 EUR
      ],
      bumps: [{ id: bump.id, title: "Extra strap", description: null, price: 1500, quantity: 2 }],
    });
  });

  it("renders the merchant's own form, with the email added for link confirmation", async () => {
    const product = await fx.createProduct({
      formFields: [
        { type: "PHONE", key: "phone", isRequired: true, position: 0 },
        { type: "FULL_NAME", key: "name", label: "Как к вам обращаться", position: 1 },
        { type: "CUSTOM", key: "size", options: ["S", "M", "L"], label: "Size", isRequired: true, position: 2 },
      ],
    });
    const view = await getCheckout(product.slug, { locale: "en" });
    expect(view.fields.map((field) => [field.key, field.type, field.label, field.required, field.options])).toEqual([
      ["phone", "PHONE", "Phone", true, null],
      ["email", "EMAIL", "Email", true, null],
      ["name", "FULL_NAME", "Как к вам обращаться", false, null],
      ["size", "CUSTOM", "Size", true, ["S", "M", "L"]],
    ]);
  });

  it.each<[string, () => Promise<string>]>([
    ["an unknown product", async () => "no-such-product"],
    ["a disabled product", async () => (await fx.createProduct({ isActive: false })).slug],
    ["a product priced nowhere the shop ships", async () => (await fx.createProduct({ prices: {} })).slug],
    ["an absurd reference", async () => "x".repeat(500)],
  ])("answers NOT_FOUND for %s", async (_name, reference) => {
    const error = await getCheckout(await reference(), { locale: "en" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});
