// The checkout form of a product: its CheckoutFormField rows in order, or the default form when
// it has none. getCheckout shows these fields and placeOrder validates against the same list, so
// the page and the server can never disagree about what is asked and what is required.
import type { CheckoutFieldType, ConfirmationMode, ProductType } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

export interface TCheckoutField {
  /** Name of the value in placeOrder's `fields` and in fieldErrors. */
  key: string;
  type: CheckoutFieldType;
  label: string;
  placeholder: string | null;
  required: boolean;
  /** A named validator (see NAMED_VALIDATORS) or a regular expression. */
  validator: string | null;
  /** Input mask; null on the phone field means "the chosen country's phoneMask". */
  mask: string | null;
  /** Choices of a CUSTOM select field. */
  options: string[] | null;
  position: number;
}

/** The value key of each standard field in the default form (and the usual key in custom forms). */
export const DEFAULT_FIELD_KEYS = {
  FULL_NAME: "fullName",
  PHONE: "phone",
  EMAIL: "email",
  COUNTRY: "country",
  POSTCODE: "postcode",
  REGION: "province",
  CITY: "city",
  STREET: "street",
  HOUSE: "house",
  FLAT: "flat",
  COMMENT: "comment",
  TERMS_CONSENT: "terms",
} as const satisfies Record<Exclude<CheckoutFieldType, "CUSTOM">, string>;

const FIELD_LABELS: Record<Locale, Record<CheckoutFieldType, string>> = { en: en.checkoutFields, ru: ru.checkoutFields };

export const defaultFieldLabel = (type: CheckoutFieldType, locale: Locale) => FIELD_LABELS[locale][type];

export interface StoredFormField {
  type: CheckoutFieldType;
  key: string;
  label: string | null;
  placeholder: string | null;
  isRequired: boolean;
  validator: string | null;
  mask: string | null;
  options: string[];
  position: number;
}

export interface FormProduct {
  type: ProductType;
  confirmationMode: ConfirmationMode;
}

/** The default form: contact, and for physical goods the postal address. */
export function defaultFormFields(product: FormProduct): StoredFormField[] {
  const physical = product.type === "PHYSICAL";
  const rows: [Exclude<CheckoutFieldType, "CUSTOM">, boolean][] = [
    ["FULL_NAME", true],
    // Digital goods reach the buyer by email; a phone is only a nicety there.
    ["PHONE", physical],
    ["EMAIL", product.confirmationMode === "EMAIL_LINK" || !physical],
    ["COUNTRY", true],
    ...(physical
      ? ([
          ["POSTCODE", true],
          ["CITY", true],
          ["STREET", true],
          ["HOUSE", true],
          ["FLAT", false],
        ] as [Exclude<CheckoutFieldType, "CUSTOM">, boolean][])
      : []),
    ["COMMENT", false],
    ["TERMS_CONSENT", true],
  ];
  return rows.map(([type, isRequired], index) => ({
    type,
    key: DEFAULT_FIELD_KEYS[type],
    label: null,
    placeholder: null,
    isRequired,
    validator: null,
    mask: null,
    options: [],
    position: index * 10,
  }));
}

/**
 * The form as shown and validated. With EMAIL_LINK confirmation the email is required (the
 * order cannot be confirmed otherwise), and added when the merchant's form lacks it.
 */
export function resolveCheckoutFields(product: FormProduct, stored: readonly StoredFormField[], locale: Locale): TCheckoutField[] {
  const rows = stored.length > 0 ? [...stored].sort((a, b) => a.position - b.position) : defaultFormFields(product);
  const fields: TCheckoutField[] = rows.map((row) => ({
    key: row.key,
    type: row.type,
    label: row.label?.trim() || defaultFieldLabel(row.type, locale),
    placeholder: row.placeholder?.trim() || null,
    required: row.isRequired,
    validator: row.validator?.trim() || null,
    mask: row.mask?.trim() || null,
    options: row.options.length > 0 ? [...row.options] : null,
    position: row.position,
  }));
  if (product.confirmationMode === "EMAIL_LINK") {
    const email = fields.find((field) => field.type === "EMAIL");
    if (email) email.required = true;
    else {
      const phone = fields.find((field) => field.type === "PHONE");
      fields.splice(phone ? fields.indexOf(phone) + 1 : fields.length, 0, {
        key: fields.some((field) => field.key === DEFAULT_FIELD_KEYS.EMAIL) ? "confirmEmail" : DEFAULT_FIELD_KEYS.EMAIL,
        type: "EMAIL",
        label: defaultFieldLabel("EMAIL", locale),
        placeholder: null,
        required: true,
        validator: null,
        mask: null,
        options: null,
        position: phone ? phone.position : (fields.at(-1)?.position ?? 0) + 1,
      });
    }
  }
  return fields;
}
