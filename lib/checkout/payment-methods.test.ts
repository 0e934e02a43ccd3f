import { describe, expect, it } from "vitest";
import type { PaymentMethod } from "@/lib/db/generated/enums";
import { availablePaymentMethods, isCodAllowed, shippingMethodsFor, type PaymentMethodRules } from "./payment-methods";

const base: PaymentMethodRules = {
  codAllowed: true,
  codCountries: [],
  country: "RU",
  productType: "PHYSICAL",
  stripeEnabled: false,
  courierAvailable: false,
  enabled: ["COD", "COURIER", "PREPAID"],
};

describe("availablePaymentMethods", () => {
  it.each<[string, Partial<PaymentMethodRules>, PaymentMethod[]]>([
    ["COD everywhere when no countries are listed", {}, ["COD"]],
    ["COD in a listed country", { codCountries: ["RU", "KZ"] }, ["COD"]],
    ["no COD outside the listed countries", { codCountries: ["KZ"] }, []],
    ["no COD when the product does not allow it", { codAllowed: false }, []],
    ["courier where a courier rule exists", { courierAvailable: true }, ["COD", "COURIER"]],
    ["courier ignores the post's COD countries", { courierAvailable: true, codCountries: ["KZ"] }, ["COURIER"]],
    ["no courier without COD", { courierAvailable: true, codAllowed: false }, []],
    ["no courier for digital goods", { courierAvailable: true, productType: "DIGITAL" }, ["COD"]],
    ["card when Stripe is configured", { stripeEnabled: true }, ["COD", "PREPAID"]],
    ["only what the shop enabled", { stripeEnabled: true, courierAvailable: true, enabled: ["PREPAID"] }, ["PREPAID"]],
  ])("%s", (_name, rules, expected) => {
    expect(availablePaymentMethods({ ...base, ...rules })).toEqual(expected);
  });

  it("isCodAllowed follows the product's switch and countries", () => {
    expect(isCodAllowed({ codAllowed: true, codCountries: [], country: "DE" })).toBe(true);
    expect(isCodAllowed({ codAllowed: true, codCountries: ["RU"], country: "DE" })).toBe(false);
  });
});

describe("shippingMethodsFor", () => {
  it.each<[PaymentMethod, "PHYSICAL" | "DIGITAL", string[]]>([
    ["COD", "PHYSICAL", ["POST", "PICKUP_POINT"]],
    ["COURIER", "PHYSICAL", ["COURIER"]],
    ["PREPAID", "PHYSICAL", ["POST", "PICKUP_POINT", "COURIER"]],
    ["PREPAID", "DIGITAL", []],
    ["COD", "DIGITAL", []],
  ])("%s, %s → %j", (method, type, expected) => {
    expect(shippingMethodsFor(method, type)).toEqual(expected);
  });
});
