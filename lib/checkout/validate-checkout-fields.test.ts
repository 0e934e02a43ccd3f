import { describe, expect, it } from "vitest";
import { resolveCheckoutFields, type TCheckoutField } from "./checkout-fields";
import { passesValidator, validateCheckoutFields } from "./validate-checkout-fields";

const RU = { code: "RU", postcodePattern: "^\\d{6}$" };
const form = resolveCheckoutFields({ type: "PHYSICAL", confirmationMode: "EMAIL_LINK" }, [], "en");
const valid = {
  fullName: " Иван Петров ",
  phone: "8 (916) 123-45-01",
  email: "Ivan@Example.RU",
  postcode: "101000",
  city: "Москва",
  street: "ул. Ленина",
  house: "10",
  flat: "",
  comment: "После 18:00",
  terms: "on",
};

describe("validateCheckoutFields", () => {
  it("normalises a valid form", () => {
    const { values, fieldErrors } = validateCheckoutFields(form, valid, RU);
    expect(fieldErrors).toEqual({});
    expect(values).toEqual({
      customerName: "Иван Петров",
      phone: "+7 916 123 45 01",
      phoneNormalized: "+79161234501",
      email: "Ivan@Example.RU",
      emailNormalized: "ivan@example.ru",
      postcode: "101000",
      province: null,
      city: "Москва",
      street: "ул. Ленина",
      house: "10",
      flat: null,
      comment: "После 18:00",
      customFields: {},
      termsAccepted: true,
    });
  });

  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    ["a missing required field", { city: "" }, { city: ["checkoutErrors.required"] }],
    ["a bad phone", { phone: "12345" }, { phone: ["checkoutErrors.phoneInvalid"] }],
    ["a bad email", { email: "ivan@@x" }, { email: ["checkoutErrors.emailInvalid"] }],
    ["a bad postcode", { postcode: "1010000" }, { postcode: ["checkoutErrors.postcodeInvalid"] }],
    ["terms declined", { terms: "off" }, { terms: ["checkoutErrors.termsRequired"] }],
    ["an overlong house", { house: "1".repeat(51) }, { house: ["checkoutErrors.tooLong"] }],
    ["several at once", { phone: "", email: "x" }, { phone: ["checkoutErrors.required"], email: ["checkoutErrors.emailInvalid"] }],
  ])("reports %s", (_name, changes, errors) => {
    expect(validateCheckoutFields(form, { ...valid, ...changes }, RU).fieldErrors).toEqual(errors);
  });

  it("skips the postcode check where the country has no pattern, and ignores unknown keys", () => {
    const { fieldErrors } = validateCheckoutFields(form, { ...valid, postcode: "SW1A 1AA", extra: "x" }, { code: "RU", postcodePattern: null });
    expect(fieldErrors).toEqual({});
  });

  it("checks custom fields' options and validators", () => {
    const fields: TCheckoutField[] = [
      { key: "size", type: "CUSTOM", label: "Size", placeholder: null, required: true, validator: null, mask: null, options: ["S", "M"], position: 0 },
      { key: "inn", type: "CUSTOM", label: "INN", placeholder: null, required: false, validator: "^\\d{10}$", mask: null, options: null, position: 1 },
      { key: "code", type: "CUSTOM", label: "Code", placeholder: null, required: false, validator: "digits", mask: null, options: null, position: 2 },
    ];
    expect(validateCheckoutFields(fields, { size: "XL", inn: "123", code: "12a" }, RU).fieldErrors).toEqual({
      size: ["checkoutErrors.optionInvalid"],
      inn: ["checkoutErrors.invalid"],
      code: ["checkoutErrors.invalid"],
    });
    expect(validateCheckoutFields(fields, { size: "M", inn: "7707083893", code: "42" }, RU).values.customFields).toEqual({ size: "M", inn: "7707083893", code: "42" });
  });
});

describe("passesValidator", () => {
  it.each<[string, string, boolean]>([
    ["digits", "0123", true],
    ["digits", "12 3", false],
    ["letters", "Анна-Мария", true],
    ["letters", "R2D2", false],
    ["email", "a@b.ru", true],
    ["email", "a@", false],
    ["phone", "+7 916 123 45 01", true],
    ["phone", "+7 916", false],
    ["postcode", "101000", true],
    ["postcode", "10100", false],
    ["^[A-Z]{2}\\d{4}$", "AB1234", true],
    ["^[A-Z]{2}\\d{4}$", "AB123", false],
    ["([unclosed", "anything", true], // a broken expression never blocks orders
  ])("%s on %j → %s", (validator, value, expected) => {
    expect(passesValidator(validator, value, RU)).toBe(expected);
  });
});
