import { describe, expect, it } from "vitest";
import { isValidValidator, ZFormFields } from "./form-fields-input";

const custom = (n: number) => ({ type: "CUSTOM" as const, key: `custom${n}`, label: `Question ${n}` });
const messages = (input: unknown) => {
  const result = ZFormFields.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
};

describe("ZFormFields", () => {
  it("accepts the standard fields and up to ten custom ones", () => {
    expect(messages([{ type: "PHONE", key: "phone", isRequired: true }, ...Array.from({ length: 10 }, (_, i) => custom(i + 1))])).toEqual([]);
  });

  it("refuses an eleventh custom field", () => {
    expect(messages(Array.from({ length: 11 }, (_, i) => custom(i + 1)))).toEqual(["10.type:products.errors.tooManyCustomFields"]);
  });

  it("refuses duplicate keys (case-insensitively) and a standard field twice", () => {
    expect(
      messages([
        { type: "PHONE", key: "phone" },
        { type: "CUSTOM", key: "Phone", label: "x" },
      ]),
    ).toEqual(["1.key:products.errors.duplicateKey"]);
    expect(
      messages([
        { type: "EMAIL", key: "email" },
        { type: "EMAIL", key: "email2" },
      ]),
    ).toEqual(["1.type:products.errors.duplicateType"]);
  });

  it("needs a label on custom fields, options only there, and identifier-like keys", () => {
    expect(messages([{ type: "CUSTOM", key: "size" }])).toEqual(["0.label:products.errors.labelRequired"]);
    expect(messages([{ type: "CITY", key: "city", options: ["a"] }])).toEqual(["0.options:products.errors.optionsOnlyCustom"]);
    expect(messages([{ type: "CITY", key: "1city" }])).toEqual(["0.key:products.errors.keyInvalid"]);
  });
});

describe("isValidValidator", () => {
  it.each([
    ["digits", true],
    ["^\\d{6}$", true],
    ["([", false],
  ])("%s → %s", (validator, expected) => expect(isValidValidator(validator)).toBe(expected));
});
