// The editor's form (human amounts like "1 290,50" and percentages like "12.5") turned into the
// domain's input: minor units of the product currency and basis points, parsed from the decimal
// string digit by digit, never through a float. Unparseable amounts come back as field errors
// under the form's own field names, like the domain's errors after mapPathToFormField.
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { Region } from "@/lib/db/generated/enums";
import type { FieldErrors } from "@/lib/errors";
import type { TProductInput } from "./product-input";

export const REGIONS = Object.values(Region);

/** Basis points are hundredths of a percent: "12.5" → 1250. */
export const parsePercentToBasisPoints = (input: string) => parseMoneyInput(input, 2);

/** `tierRows[i]`: the form row of `input.priceTiers[i]` (empty rows are skipped, so they can differ). */
export type ParsedProductForm = { ok: true; input: TProductInput; isActive: boolean; tierRows: number[] } | { ok: false; fieldErrors: FieldErrors };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const all = (form: FormData, name: string) => form.getAll(name).map((value) => (typeof value === "string" ? value.trim() : ""));

export function parseProductForm(form: FormData, currencyDigits: (currency: string) => number | undefined): ParsedProductForm {
  const fieldErrors: FieldErrors = {};
  const fail = (field: string, key: string) => void (fieldErrors[field] ??= []).push(`products.errors.${key}`);
  const currency = text(form, "currency");
  const digits = currencyDigits(currency) ?? 2;

  const money = (field: string, raw: string, required: boolean): number | null => {
    if (raw === "") {
      if (required) fail(field, "required");
      return null;
    }
    const amount = parseMoneyInput(raw, digits);
    if (amount === null) fail(field, "amountInvalid");
    return amount;
  };
  const whole = (field: string, raw: string): number | null => {
    if (raw === "") return null;
    if (!/^\d{1,9}$/.test(raw)) {
      fail(field, "numberInvalid");
      return null;
    }
    return Number(raw);
  };

  const prices: TProductInput["prices"] = [];
  for (const region of REGIONS) {
    const raw = text(form, `price.${region}`);
    const compareAt = text(form, `compareAt.${region}`);
    const minimum = text(form, `minimum.${region}`);
    // No price: the product is not sold in that region (compare-at and minimum alone mean nothing).
    if (raw === "") {
      if (compareAt || minimum) fail(`price.${region}`, "required");
      continue;
    }
    const price = money(`price.${region}`, raw, true);
    prices.push({
      region,
      price: price ?? 0,
      compareAtPrice: money(`compareAt.${region}`, compareAt, false),
      minimumPrice: money(`minimum.${region}`, minimum, false),
    });
  }

  const tierRegions = all(form, "tier.region");
  const tierQuantities = all(form, "tier.minQuantity");
  const tierPrices = all(form, "tier.unitPrice");
  const priceTiers: TProductInput["priceTiers"] = [];
  const tierRows: number[] = [];
  tierRegions.forEach((region, index) => {
    const quantity = tierQuantities[index] ?? "";
    const unit = tierPrices[index] ?? "";
    if (quantity === "" && unit === "") return; // an empty row left in the form
    const minQuantity = whole(`tier.${index}.minQuantity`, quantity);
    if (minQuantity === null && quantity === "") fail(`tier.${index}.minQuantity`, "required");
    const unitPrice = money(`tier.${index}.unitPrice`, unit, true);
    priceTiers.push({ region: region as Region, minQuantity: minQuantity ?? 0, unitPrice: unitPrice ?? 0 });
    tierRows.push(index);
  });

  const kinds = all(form, "commission.kind");
  const values = all(form, "commission.value");
  const commissions: TProductInput["commissions"] = kinds.map((kind, level) => {
    const raw = values[level] ?? "";
    const field = `commission.${level}.value`;
    if (raw === "") {
      fail(field, "required");
      return { kind: kind as "FIXED", value: 0 };
    }
    const value = kind === "PERCENT" ? parsePercentToBasisPoints(raw) : parseMoneyInput(raw, digits);
    if (value === null) fail(field, kind === "PERCENT" ? "percentInvalid" : "amountInvalid");
    return { kind: kind as "FIXED" | "PERCENT", value: value ?? 0 };
  });

  const stockTracked = form.get("stockTracked") === "on";
  const stock = stockTracked ? whole("stock", text(form, "stock")) : null;
  if (stockTracked && text(form, "stock") === "") fail("stock", "required");

  const input: TProductInput = {
    name: text(form, "name"),
    slug: text(form, "slug"),
    type: text(form, "type") as TProductInput["type"],
    description: text(form, "description") || null,
    imageUrl: text(form, "imageUrl") || null,
    sku: text(form, "sku") || null,
    weightGrams: whole("weightGrams", text(form, "weightGrams")),
    currency,
    payWhatYouWant: form.get("payWhatYouWant") === "on",
    baseCost: money("baseCost", text(form, "baseCost"), false) ?? 0,
    stock,
    codAllowed: form.get("codAllowed") === "on",
    codCountries: all(form, "codCountries").filter(Boolean),
    confirmationMode: text(form, "confirmationMode") as TProductInput["confirmationMode"],
    rewardTrigger: text(form, "rewardTrigger") as TProductInput["rewardTrigger"],
    confirmPageUrl: text(form, "confirmPageUrl") || null,
    thankYouPageUrl: text(form, "thankYouPageUrl") || null,
    prices,
    priceTiers,
    commissions,
  };
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, input, isActive: form.get("isActive") === "on", tierRows };
}

/**
 * The form field a domain error path belongs to ("prices.1.minimumPrice" → "minimum.CIS",
 * "commissions.0.value" → "commission.0.value"), given the input the form produced.
 */
export function formFieldOfPath(path: string, input: TProductInput, tierRows: readonly number[] = []): string {
  const [head, index, leaf] = path.split(".");
  if (head === "prices" && index !== undefined) {
    const region = input.prices[Number(index)]?.region ?? "RU";
    const prefix = leaf === "minimumPrice" ? "minimum" : leaf === "compareAtPrice" ? "compareAt" : "price";
    return `${prefix}.${region}`;
  }
  if (head === "priceTiers" && index !== undefined) return `tier.${tierRows[Number(index)] ?? index}.${leaf === "unitPrice" ? "unitPrice" : "minQuantity"}`;
  if (head === "commissions" && index !== undefined) return `commission.${index}.value`;
  return head ?? "_";
}
