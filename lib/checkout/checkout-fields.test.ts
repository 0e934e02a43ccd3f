import { describe, expect, it } from "vitest";
import { defaultFormFields, resolveCheckoutFields, type StoredFormField } from "./checkout-fields";

const stored = (overrides: Partial<StoredFormField> & Pick<StoredFormField, "type" | "key">): StoredFormField => ({
  label: null,
  placeholder: null,
  isRequired: false,
  validator: null,
  mask: null,
  options: [],
  position: 0,
  ...overrides,
});

describe("the default form", () => {
  it("asks physical goods for the address; the email is required only for link confirmation", () => {
    const operator = defaultFormFields({ type: "PHYSICAL", confirmationMode: "OPERATOR" });
    expect(operator.map((field) => `${field.key}${field.isRequired ? "*" : ""}`)).toEqual([
      "fullName*",
      "phone*",
      "email",
      "country*",
      "postcode*",
      "city*",
      "street*",
      "house*",
      "flat",
      "comment",
      "terms*",
    ]);
    expect(defaultFormFields({ type: "PHYSICAL", confirmationMode: "EMAIL_LINK" }).find((field) => field.key === "email")?.isRequired).toBe(true);
  });

  it("asks digital goods for no address, and for the email", () => {
    const digital = defaultFormFields({ type: "DIGITAL", confirmationMode: "NONE" });
    expect(digital.map((field) => `${field.key}${field.isRequired ? "*" : ""}`)).toEqual(["fullName*", "phone", "email*", "country*", "comment", "terms*"]);
  });
});

describe("resolveCheckoutFields", () => {
  it("localises default labels and keeps the merchant's", () => {
    const fields = resolveCheckoutFields(
      { type: "PHYSICAL", confirmationMode: "NONE" },
      [stored({ type: "FULL_NAME", key: "name" }), stored({ type: "CITY", key: "city", label: "Населённый пункт", position: 1 })],
      "en",
    );
    expect(fields.map((field) => field.label)).toEqual(["Full name", "Населённый пункт"]);
    expect(resolveCheckoutFields({ type: "PHYSICAL", confirmationMode: "NONE" }, [], "ru")[0]!.label).toBe("ФИО");
  });

  it("orders fields by position and turns empty values into nulls", () => {
    const fields = resolveCheckoutFields(
      { type: "PHYSICAL", confirmationMode: "OPERATOR" },
      [
        stored({ type: "COMMENT", key: "comment", position: 20, placeholder: " " }),
        stored({ type: "PHONE", key: "phone", position: 10, mask: "+7 999", validator: "digits" }),
        stored({ type: "CUSTOM", key: "size", options: ["S", "M"], position: 15, label: "Size" }),
      ],
      "en",
    );
    expect(fields).toEqual([
      { key: "phone", type: "PHONE", label: "Phone", placeholder: null, required: false, validator: "digits", mask: "+7 999", options: null, position: 10 },
      { key: "size", type: "CUSTOM", label: "Size", placeholder: null, required: false, validator: null, mask: null, options: ["S", "M"], position: 15 },
      { key: "comment", type: "COMMENT", label: "Comment on the order", placeholder: null, required: false, validator: null, mask: null, options: null, position: 20 },
    ]);
  });

  it("requires the email for EMAIL_LINK, adding the field after the phone when the form lacks it", () => {
    const withOptionalEmail = resolveCheckoutFields({ type: "PHYSICAL", confirmationMode: "EMAIL_LINK" }, [stored({ type: "EMAIL", key: "mail" })], "en");
    expect(withOptionalEmail[0]).toMatchObject({ key: "mail", required: true });

    const withoutEmail = resolveCheckoutFields(
      { type: "PHYSICAL", confirmationMode: "EMAIL_LINK" },
      [stored({ type: "PHONE", key: "phone" }), stored({ type: "CITY", key: "city", position: 5 })],
      "en",
    );
    expect(withoutEmail.map((field) => field.key)).toEqual(["phone", "email", "city"]);
    expect(withoutEmail[1]).toMatchObject({ type: "EMAIL", required: true, label: "Email" });
  });
});
