import { describe, expect, it } from "vitest";
import { parseCheckoutForm, submittedValues } from "./parse-checkout-form";

function form(entries: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const valid = {
  product: "casio-g-shock",
  idempotencyKey: "0b7f3f4e-8f3c-4a57-9c1e-2f1f0c7d9a10",
  currency: "RUB",
  quantity: "2",
  country: "ru",
  paymentMethod: "COD",
  "field.fullName": "Ivan Petrov",
  "field.phone": "+7 (916) 123-45-67",
  "tracking.utm_source": "vk",
};

describe("parseCheckoutForm", () => {
  it("turns the form into placeOrder's input", () => {
    const parsed = parseCheckoutForm(form({ ...valid, bumpIds: ["b1", "b2"] }));
    expect(parsed).toEqual({
      ok: true,
      input: {
        product: "casio-g-shock",
        idempotencyKey: valid.idempotencyKey,
        quantity: 2,
        country: "RU",
        paymentMethod: "COD",
        bumpIds: ["b1", "b2"],
        fields: { fullName: "Ivan Petrov", phone: "+7 (916) 123-45-67" },
      },
      tracking: { utm: { source: "vk" }, referrer: undefined },
    });
  });

  it("reads a pay-what-you-want amount in major units into minor units", () => {
    const parsed = parseCheckoutForm(form({ ...valid, payAmount: "1 200,50" }));
    expect(parsed.ok && parsed.input.payAmount).toBe(120050); // 1,200.50 RUB
  });

  it.each<[string, Record<string, string>, Record<string, string>, string | null]>([
    ["a quantity that is not a number", { quantity: "two" }, { quantity: "checkout.errors.quantityInvalid" }, null],
    ["no payment method", { paymentMethod: "" }, { paymentMethod: "checkout.errors.paymentMethodRequired" }, null],
    ["an unknown payment method", { paymentMethod: "BARTER" }, { paymentMethod: "checkout.errors.paymentMethodRequired" }, null],
    ["no country", { country: "" }, { country: "checkout.errors.countryRequired" }, null],
    ["a malformed amount", { payAmount: "12,345.6.7" }, { payAmount: "checkout.errors.payAmountInvalid" }, null],
    ["no idempotency key", { idempotencyKey: "" }, {}, "checkout.errors.staleForm"],
    ["no product", { product: "" }, {}, "checkout.errors.staleForm"],
  ])("refuses %s", (_name, change, fieldErrors, formError) => {
    expect(parseCheckoutForm(form({ ...valid, ...change }))).toEqual({ ok: false, fieldErrors, formError });
  });

  it("gives back what was typed, but not the key or the tracking", () => {
    expect(submittedValues(form(valid))).toEqual({
      product: "casio-g-shock",
      currency: "RUB",
      quantity: "2",
      country: "ru",
      paymentMethod: "COD",
      "field.fullName": "Ivan Petrov",
      "field.phone": "+7 (916) 123-45-67",
    });
  });
});
