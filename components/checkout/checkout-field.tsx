"use client";

import { useTranslations } from "next-intl";
import type { CheckoutFieldType } from "@/lib/db/generated/enums";
import { errorId, FieldError, FieldShell } from "./field-shell";
import { PhoneInput } from "./phone-input";
import { fieldInputName, type TCheckoutCountry, type TCheckoutField } from "./types";

// Browser autofill hints per standard field: filling a form on a phone is the slow part.
const AUTOCOMPLETE: Partial<Record<CheckoutFieldType, string>> = {
  FULL_NAME: "name",
  EMAIL: "email",
  POSTCODE: "postal-code",
  REGION: "address-level1",
  CITY: "address-level2",
  STREET: "address-line1",
  HOUSE: "address-line2",
  FLAT: "address-line3",
};

// Short fields that may share a row with a short neighbour.
const SHORT_FIELDS: ReadonlySet<CheckoutFieldType> = new Set(["POSTCODE", "REGION", "CITY", "HOUSE", "FLAT"]);

export const fieldInputId = (key: string) => `checkout-${key}`;

/**
 * Which fields of the form (in order) take half a row: two short fields next to each other
 * (postcode and city, house and flat) share one; a short field alone keeps the full width.
 */
export function halfWidthKeys(fields: readonly { key: string; type: CheckoutFieldType }[]): Set<string> {
  const half = new Set<string>();
  for (let index = 0; index < fields.length - 1; index++) {
    const [current, next] = [fields[index]!, fields[index + 1]!];
    if (SHORT_FIELDS.has(current.type) && SHORT_FIELDS.has(next.type)) {
      half.add(current.key).add(next.key);
      index++;
    }
  }
  return half;
}

/** One configured checkout field (COUNTRY is rendered by the form itself: it drives prices). */
export function CheckoutField({
  field,
  half,
  country,
  defaultValue,
  error,
}: {
  field: TCheckoutField;
  /** Shares its row with a neighbour. */
  half: boolean;
  country: TCheckoutCountry | undefined;
  defaultValue: string | undefined;
  error: string | undefined;
}) {
  const t = useTranslations("checkout.fields");
  const id = fieldInputId(field.key);
  const name = fieldInputName(field.key);
  const common = {
    id,
    name,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId(id) : undefined,
  } as const;

  if (field.type === "TERMS_CONSENT") {
    return (
      <div className={half ? "col-span-1" : "col-span-2"}>
        <label htmlFor={id} className="flex items-start gap-3 text-sm text-slate-700">
          <input
            {...common}
            type="checkbox"
            value="true"
            defaultChecked={defaultValue === "true"}
            className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand-600 aria-invalid:outline-2 aria-invalid:outline-offset-2 aria-invalid:outline-red-400"
          />
          <span>{field.label}</span>
        </label>
        <FieldError inputId={id} message={error} />
      </div>
    );
  }

  let control: React.ReactNode;
  if (field.type === "PHONE") {
    control = (
      <PhoneInput
        {...common}
        className="input h-11 text-base aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-100"
        defaultValue={defaultValue}
        mask={field.mask ?? country?.phoneMask ?? null}
        phoneCode={country?.phoneCode ?? "+"}
      />
    );
  } else if (field.type === "COMMENT") {
    control = (
      <textarea
        {...common}
        className="input min-h-20 text-base aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-100"
        rows={3}
        maxLength={2000}
        placeholder={field.placeholder ?? undefined}
        defaultValue={defaultValue}
      />
    );
  } else if (field.type === "CUSTOM" && field.options.length > 0) {
    control = (
      <select {...common} className="input h-11 text-base aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-100" defaultValue={defaultValue ?? ""}>
        <option value="" disabled={field.required}>
          {t("choose")}
        </option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    const postcodeIsNumeric = field.type === "POSTCODE" && /^\^?\\d/.test(country?.postcodePattern ?? "");
    control = (
      <input
        {...common}
        className="input h-11 text-base aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-100"
        type={field.type === "EMAIL" ? "email" : "text"}
        inputMode={field.type === "EMAIL" ? "email" : postcodeIsNumeric ? "numeric" : undefined}
        autoComplete={AUTOCOMPLETE[field.type] ?? "off"}
        autoCapitalize={field.type === "EMAIL" ? "none" : undefined}
        spellCheck={field.type === "EMAIL" ? false : undefined}
        maxLength={300}
        placeholder={field.placeholder ?? field.mask ?? undefined}
        defaultValue={defaultValue}
      />
    );
  }

  return (
    <FieldShell className={half ? "col-span-1" : "col-span-2"} inputId={id} label={field.label} required={field.required} optionalText={t("optional")} error={error}>
      {control}
    </FieldShell>
  );
}
