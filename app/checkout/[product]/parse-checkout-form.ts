// Turns the checkout form's FormData into placeOrder's input. Only shape and types are checked
// here (what a form can get wrong before the domain sees it); placeOrder validates the values
// against the product's configuration and answers with field errors of its own.
import { z } from "zod";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

const FIELD_PREFIX = "field.";

const ZCheckoutFormData = z.object({
  product: z.string().trim().min(1).max(200),
  idempotencyKey: z.string().trim().min(16).max(100),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  quantity: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { message: "checkout.errors.quantityInvalid" })
    .transform(Number),
  country: z
    .string({ error: "checkout.errors.countryRequired" })
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: "checkout.errors.countryRequired" })
    .transform((code) => code.toUpperCase()),
  paymentMethod: z.enum(["COD", "COURIER", "PREPAID"], { error: "checkout.errors.paymentMethodRequired" }),
  payAmount: z.string().trim().max(32).optional(),
  bumpIds: z.array(z.string().trim().min(1).max(64)).max(20),
  /** The coupon code applied on the page (placeOrder checks it again). */
  coupon: z.string().trim().max(40).optional(),
  /** The total the page showed (minor units): a different server total is shown to the shopper, not charged. */
  expectedTotal: z
    .string()
    .trim()
    .regex(/^\d{1,12}$/)
    .transform(Number)
    .optional(),
  fields: z.record(z.string().max(64), z.string().max(5_000)).refine((fields) => Object.keys(fields).length <= 40),
});

export type TParsedCheckoutForm = {
  product: string;
  idempotencyKey: string;
  quantity: number;
  country: string;
  paymentMethod: "COD" | "COURIER" | "PREPAID";
  payAmount?: number;
  bumpIds: string[];
  coupon?: string;
  expectedTotal?: number;
  fields: Record<string, string>;
};

/** Where the shopper came from, as the page saw it: informational, never trusted for money. */
export type TCheckoutTracking = {
  utm: { source?: string; medium?: string; campaign?: string; content?: string; term?: string };
  referrer?: string;
};

const UTM_KEYS = ["source", "medium", "campaign", "content", "term"] as const;

function parseTracking(formData: FormData): TCheckoutTracking {
  const text = (name: string, max: number) => {
    const value = formData.get(name);
    return typeof value === "string" && value.trim() ? value.trim().slice(0, max) : undefined;
  };
  const utm: TCheckoutTracking["utm"] = {};
  for (const key of UTM_KEYS) utm[key] = text(`tracking.utm_${key}`, 200);
  return { utm, referrer: text("tracking.referrer", 2000) };
}

export type TCheckoutFormProblems = {
  /** Message keys (of the root translator) by input name. */
  fieldErrors: Record<string, string>;
  /** Message key of a problem with the form as a whole (stale or tampered page). */
  formError: string | null;
};

/** The submitted values by input name, to show them again after a failed attempt. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION") || name.startsWith("tracking.") || name === "idempotencyKey" || name === "bumpIds") continue;
    values[name] = value.slice(0, 5_000);
  }
  return values;
}

export function parseCheckoutForm(formData: FormData): { ok: true; input: TParsedCheckoutForm; tracking: TCheckoutTracking } | ({ ok: false } & TCheckoutFormProblems) {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith(FIELD_PREFIX) && typeof value === "string") fields[name.slice(FIELD_PREFIX.length)] = value;
  }
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = ZCheckoutFormData.safeParse({
    product: text("product"),
    idempotencyKey: text("idempotencyKey"),
    currency: text("currency") || undefined,
    quantity: text("quantity") ?? "1",
    country: text("country"),
    paymentMethod: text("paymentMethod"),
    payAmount: text("payAmount"),
    bumpIds: formData.getAll("bumpIds").filter((value): value is string => typeof value === "string"),
    coupon: text("coupon") || undefined,
    expectedTotal: text("expectedTotal") || undefined,
    fields,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    let formError: string | null = null;
    for (const issue of parsed.error.issues) {
      const input = String(issue.path[0] ?? "");
      if (["quantity", "country", "paymentMethod"].includes(input)) fieldErrors[input] ??= issue.message;
      else if (input === "coupon") fieldErrors.coupon ??= "checkoutErrors.coupon.UNKNOWN";
      else formError = "checkout.errors.staleForm";
    }
    return { ok: false, fieldErrors, formError };
  }

  const { currency, payAmount: payAmountText, ...input } = parsed.data;
  const tracking = parseTracking(formData);
  if (payAmountText === undefined || payAmountText === "") return { ok: true, input, tracking };
  // The currency only says how many decimals the typed amount may have; the server checks the
  // amount against the product's own currency and minimum.
  const payAmount = parseMoneyInput(payAmountText, currencyMinorDigits(currency ?? "RUB"));
  if (payAmount === null) return { ok: false, fieldErrors: { payAmount: "checkout.errors.payAmountInvalid" }, formError: null };
  return { ok: true, input: { ...input, payAmount }, tracking };
}
