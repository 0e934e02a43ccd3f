// Server-side validation of the checkout form's values against the product's fields. Errors are
// i18n keys of the "checkoutErrors" namespace, keyed by the field's key, for the page to show
// next to each field. Pure: placeOrder calls it before touching the database.
import { hasControlCharacters } from "@/lib/forms/control-characters";
import type { FieldErrors } from "@/lib/errors";
import { parsePhone, normalizeEmail } from "@/lib/customers/normalize-contact";
import type { TCheckoutField } from "./checkout-fields";

export interface ValidatedCheckoutValues {
  customerName: string | null;
  /** International format for people, and the E.164 form for deduplication. */
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  emailNormalized: string | null;
  postcode: string | null;
  province: string | null;
  city: string | null;
  street: string | null;
  house: string | null;
  flat: string | null;
  comment: string | null;
  /** CUSTOM fields by key. */
  customFields: Record<string, string>;
  termsAccepted: boolean;
}

const MAX_LENGTH: Partial<Record<TCheckoutField["type"], number>> = {
  FULL_NAME: 200,
  EMAIL: 254,
  POSTCODE: 20,
  REGION: 200,
  CITY: 200,
  STREET: 300,
  HOUSE: 50,
  FLAT: 50,
  COMMENT: 2000,
  CUSTOM: 500,
};
const DEFAULT_MAX_LENGTH = 500;

const TRUTHY = new Set(["true", "on", "1", "yes"]);

type CountryRules = { code: string; postcodePattern: string | null };

/** Validators a merchant can name instead of writing a regular expression (any field type). */
export const NAMED_VALIDATORS: Record<string, (value: string, country: CountryRules) => boolean> = {
  phone: (value, country) => parsePhone(value, country.code) !== null,
  email: (value) => normalizeEmail(value) !== null,
  postcode: (value, country) => {
    const pattern = country.postcodePattern ? compilePattern(country.postcodePattern) : null;
    return !pattern || pattern.test(value);
  },
  digits: (value) => /^\d+$/u.test(value),
  letters: (value) => /^[\p{L}\s'-]+$/u.test(value),
  latin: (value) => /^[A-Za-z0-9\s.,'/-]+$/u.test(value),
  name: (value) => /^[\p{L}\s.'-]+$/u.test(value),
};

/** Whether a value passes a field's validator (a name above or a regular expression). */
export function passesValidator(validator: string, value: string, country: CountryRules): boolean {
  const named = NAMED_VALIDATORS[validator];
  if (named) return named(value, country);
  const pattern = compilePattern(validator);
  return !pattern || pattern.test(value);
}

const compiled = new Map<string, RegExp | null>();

/** A regular expression from the admin panel; null when it does not compile. */
export function compilePattern(validator: string): RegExp | null {
  if (!compiled.has(validator)) {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(validator, "u");
    } catch {
      // A broken expression in the admin panel must not block every order: it is skipped.
      pattern = null;
    }
    compiled.set(validator, pattern);
  }
  return compiled.get(validator) ?? null;
}

export function validateCheckoutFields(
  fields: readonly TCheckoutField[],
  rawValues: Readonly<Record<string, string | undefined>>,
  country: CountryRules,
): { values: ValidatedCheckoutValues; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const fail = (key: string, message: string) => {
    (fieldErrors[key] ??= []).push(message);
  };
  const values: ValidatedCheckoutValues = {
    customerName: null,
    phone: null,
    phoneNormalized: null,
    email: null,
    emailNormalized: null,
    postcode: null,
    province: null,
    city: null,
    street: null,
    house: null,
    flat: null,
    comment: null,
    customFields: {},
    termsAccepted: false,
  };

  for (const field of fields) {
    // The country is chosen by its own input (placeOrder's `country`), not typed in.
    if (field.type === "COUNTRY") continue;
    const value = (rawValues[field.key] ?? "").trim();

    if (field.type === "TERMS_CONSENT") {
      values.termsAccepted = TRUTHY.has(value.toLowerCase());
      if (field.required && !values.termsAccepted) fail(field.key, "checkoutErrors.termsRequired");
      continue;
    }
    if (value === "") {
      if (field.required) fail(field.key, "checkoutErrors.required");
      continue;
    }
    if (value.length > (MAX_LENGTH[field.type] ?? DEFAULT_MAX_LENGTH)) {
      fail(field.key, "checkoutErrors.tooLong");
      continue;
    }
    if (hasControlCharacters(value)) {
      fail(field.key, "checkoutErrors.invalidCharacters");
      continue;
    }

    switch (field.type) {
      case "PHONE": {
        const phone = parsePhone(value, country.code);
        if (!phone) {
          fail(field.key, "checkoutErrors.phoneInvalid");
          continue;
        }
        values.phone = phone.international;
        values.phoneNormalized = phone.e164;
        break;
      }
      case "EMAIL": {
        const email = normalizeEmail(value);
        if (!email) {
          fail(field.key, "checkoutErrors.emailInvalid");
          continue;
        }
        values.email = value;
        values.emailNormalized = email;
        break;
      }
      case "POSTCODE": {
        if (!NAMED_VALIDATORS.postcode!(value, country)) {
          fail(field.key, "checkoutErrors.postcodeInvalid");
          continue;
        }
        values.postcode = value;
        break;
      }
      case "CUSTOM":
        if (field.options && !field.options.includes(value)) {
          fail(field.key, "checkoutErrors.optionInvalid");
          continue;
        }
        values.customFields[field.key] = value;
        break;
      case "FULL_NAME":
        values.customerName = value;
        break;
      case "REGION":
        values.province = value;
        break;
      case "CITY":
        values.city = value;
        break;
      case "STREET":
        values.street = value;
        break;
      case "HOUSE":
        values.house = value;
        break;
      case "FLAT":
        values.flat = value;
        break;
      case "COMMENT":
        values.comment = value;
        break;
    }

    if (field.validator && !passesValidator(field.validator, value, country)) fail(field.key, "checkoutErrors.invalid");
  }
  return { values, fieldErrors };
}
