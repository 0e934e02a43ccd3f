// priceOrder over a hand-made CheckoutContext: the server's prices and the field errors it
// reports, without a database.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createRatesMap } from "@/lib/pricing/rates-map";
import { SHOP_SETTING_DEFAULTS } from "@/lib/settings/shop-settings";
import type { CheckoutContext } from "./load-checkout-context";
import { initialStatus, nextStep, ZPlaceOrderInput } from "./place-order";
import { priceOrder } from "./price-order";

function context(overrides: Partial<CheckoutContext["product"]> = {}, extra: Partial<CheckoutContext> = {}): CheckoutContext {
  return {
    product: {
      id: "p1",
      slug: "casio",
      name: "Casio G-SHOCK",
      description: null,
      imageUrl: null,
      type: "PHYSICAL",
      currency: "RUB",
      payWhatYouWant: false,
      baseCost: 70000, // 700.00 RUB
      stock: 10,
      reserved: 2,
      codAllowed: true,
      codCountries: [],
      confirmationMode: "EMAIL_LINK",
      confirmPageUrl: null,
      thankYouPageUrl: null,
      prices: [
        { region: "RU", price: 195000, minimumPrice: null, compareAtPrice: null }, // 1,950.00 RUB
        { region: "CIS", price: 205000, minimumPrice: 100000, compareAtPrice: null }, // 2,050.00 RUB
      ],
      priceTiers: [{ region: "RU", minQuantity: 3, unitPrice: 180000 }], // 1,800.00 RUB from 3
      formFields: [],
      upsells: [
        {
          id: "bump1",
          title: "Box",
          titleEn: null,
          description: null,
          descriptionEn: null,
          price: 49000,
          quantity: 1,
          offerProduct: { id: "p2", name: "Gift box", baseCost: 10000, stock: null, reserved: 0 },
        },
      ], // 490.00 RUB
      shippingRules: [],
      emailTexts: [],
      ...overrides,
    },
    countries: [
      { code: "RU", region: "RU", phoneCode: "+7", phoneMask: null, postcodePattern: "^\\d{6}$" },
      { code: "KZ", region: "CIS", phoneCode: "+7", phoneMask: null, postcodePattern: null },
    ],
    shippingRules: [
      { id: "post-ru", method: "POST", productId: null, country: "RU", region: null, cost: 30000, currency: "RUB", freeFrom: 500000, priority: 0, isActive: true }, // 300.00, free from 5,000.00 RUB
      { id: "courier-ru", method: "COURIER", productId: null, country: "RU", region: null, cost: 50000, currency: "RUB", freeFrom: null, priority: 0, isActive: true }, // 500.00 RUB
    ],
    settings: { ...SHOP_SETTING_DEFAULTS, shopEmail: "shop@lavka.test" },
    rates: createRatesMap([], { RUB: 2 }),
    stripeEnabled: false,
    ...extra,
  };
}

const fields = { fullName: "Иван", phone: "+7 916 123 45 01", email: "ivan@example.ru", postcode: "101000", city: "Москва", street: "Ленина", house: "1", terms: "on" };
const input = (overrides: Record<string, unknown> = {}) =>
  ZPlaceOrderInput.parse({ product: "casio", idempotencyKey: "k".repeat(16), quantity: 1, country: "RU", paymentMethod: "COD", locale: "ru", fields, ...overrides });

function errorsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors;
  }
  throw new Error("expected a validation error");
}

describe("priceOrder", () => {
  it.each<[string, Record<string, unknown>, { itemsTotal: number; shippingTotal: number; total: number }]>([
    ["one unit by post", {}, { itemsTotal: 195000, shippingTotal: 30000, total: 225000 }], // 1,950.00 + 300.00 RUB
    ["a tier from 3 units, free shipping from 5,000.00", { quantity: 3 }, { itemsTotal: 540000, shippingTotal: 0, total: 540000 }], // 3 × 1,800.00 RUB
    ["with the order bump", { bumpIds: ["bump1", "bump1"] }, { itemsTotal: 244000, shippingTotal: 30000, total: 274000 }], // 1,950.00 + 490.00 + 300.00
    ["by courier", { paymentMethod: "COURIER" }, { itemsTotal: 195000, shippingTotal: 50000, total: 245000 }],
  ])("%s", (_name, overrides, totals) => {
    expect(priceOrder(context(), input(overrides)).totals).toEqual({ ...totals, discountTotal: 0 });
  });

  it("prices the CIS region and matches an expected total", () => {
    const priced = priceOrder(context(), input({ country: "KZ", expectedTotal: 205000, fields: { ...fields, phone: "+7 701 123 45 67", postcode: "050000" } })); // 2,050.00 RUB, post free (no rule)
    expect(priced).toMatchObject({ region: "CIS", shippingMethod: "POST", totals: { total: 205000 } });
    expect(priced.lines).toEqual([{ productId: "p1", kind: "MAIN", upsellId: null, productName: "Casio G-SHOCK", quantity: 1, unitPrice: 205000, unitCost: 70000 }]);
  });

  it("takes a pay-what-you-want amount instead of tiers", () => {
    const pwyw = context({ payWhatYouWant: true });
    expect(priceOrder(pwyw, input({ country: "KZ", payAmount: 150000, quantity: 2, fields: { ...fields, phone: "+7 701 123 45 67" } })).totals.itemsTotal).toBe(300000); // 2 × 1,500.00 RUB
  });

  it.each<[string, Partial<CheckoutContext["product"]>, Record<string, unknown>, Record<string, string[]>]>([
    ["more than is left (10 − 2 reserved)", {}, { quantity: 9 }, { quantity: ["checkoutErrors.outOfStock"] }],
    [
      "an amount below the minimum",
      { payWhatYouWant: true },
      { country: "KZ", payAmount: 99999, fields: { ...fields, phone: "+7 701 123 45 67" } },
      { payAmount: ["checkoutErrors.amountBelowMinimum"] },
    ],
    ["COD outside the product's countries", { codCountries: ["KZ"] }, {}, { paymentMethod: ["checkoutErrors.codNotAllowed"] }],
    ["card payment without Stripe", {}, { paymentMethod: "PREPAID" }, { paymentMethod: ["checkoutErrors.paymentMethodNotAllowed"] }],
    ["a delivery method that does not go with COD", {}, { shippingMethod: "COURIER" }, { shippingMethod: ["checkoutErrors.shippingNotAvailable"] }],
    ["a pickup point where there is none", {}, { shippingMethod: "PICKUP_POINT" }, { shippingMethod: ["checkoutErrors.shippingNotAvailable"] }],
    ["an unknown bump", {}, { bumpIds: ["nope"] }, { bumpIds: ["checkoutErrors.bumpUnknown"] }],
    ["a country the product is not sold in", {}, { country: "DE" }, { country: ["checkoutErrors.countryNotAvailable"] }],
    ["a changed total", {}, { expectedTotal: 1 }, { total: ["checkoutErrors.totalChanged"] }],
    [
      "a total the order cannot hold",
      { payWhatYouWant: true, stock: null },
      { country: "KZ", quantity: 99, payAmount: 100_000_000, fields: { ...fields, phone: "+7 701 123 45 67" } },
      { payAmount: ["checkoutErrors.totalTooLarge"] },
    ], // 99 × 1,000,000.00
  ])("refuses %s", (_name, product, overrides, expected) => {
    expect(errorsOf(() => priceOrder(context(product), input(overrides)))).toEqual(expected);
  });
});

describe("placement outcome", () => {
  it.each<[Parameters<typeof initialStatus>, string]>([
    [["COD", "EMAIL_LINK", false], "UNCONFIRMED"],
    [["COD", "OPERATOR", false], "UNCONFIRMED"],
    [["COD", "NONE", false], "CONFIRMED"],
    [["COURIER", "NONE", false], "CONFIRMED"],
    [["PREPAID", "NONE", false], "UNCONFIRMED"],
    [["COD", "NONE", true], "DUPLICATE"],
  ])("initialStatus(%j) → %s", (args, expected) => {
    expect(initialStatus(...args)).toBe(expected);
  });

  const product = { confirmationMode: "EMAIL_LINK" as const, confirmPageUrl: null, thankYouPageUrl: null };
  it.each<[Parameters<typeof nextStep>[0], boolean, { kind: string; url: string }]>([
    [{ publicId: "u1", status: "UNCONFIRMED", paymentMethod: "COD", product }, false, { kind: "CONFIRM_EMAIL", url: "/order/u1/check-email" }],
    [
      { publicId: "u1", status: "UNCONFIRMED", paymentMethod: "COD", product: { ...product, confirmPageUrl: "https://x.example/c" } },
      false,
      { kind: "CONFIRM_EMAIL", url: "https://x.example/c" },
    ],
    [{ publicId: "u1", status: "CONFIRMED", paymentMethod: "COD", product }, false, { kind: "THANK_YOU", url: "/order/u1" }],
    [
      { publicId: "u1", status: "DUPLICATE", paymentMethod: "COD", product: { ...product, thankYouPageUrl: "https://x.example/t" } },
      false,
      { kind: "THANK_YOU", url: "https://x.example/t" },
    ],
    [{ publicId: "u1", status: "UNCONFIRMED", paymentMethod: "PREPAID", paymentStatus: "PENDING", product }, true, { kind: "PAY", url: "/order/u1/pay" }],
    [{ publicId: "u1", status: "CONFIRMED", paymentMethod: "PREPAID", paymentStatus: "PAID", product }, true, { kind: "THANK_YOU", url: "/order/u1" }],
  ])("nextStep %#", (order, stripe, expected) => {
    expect(nextStep(order, stripe)).toEqual(expected);
  });
});
