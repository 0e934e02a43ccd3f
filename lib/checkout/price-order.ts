// Checks a checkout submission against the product's rules and prices it: the order's lines and
// totals as the server computes them (the client's figures are never read). Pure over the loaded
// CheckoutContext, so every bad input is found before a transaction starts, all at once, as
// field errors (i18n keys of "checkoutErrors") keyed like the form's fields.
import type { OrderItemKind, PaymentMethod, Region, ShippingMethod } from "@/lib/db/generated/enums";
import { AppError, type FieldErrors } from "@/lib/errors";
import { computeTotals, MAX_ORDER_TOTAL, type Totals } from "@/lib/pricing/compute-totals";
import { checkPayWhatYouWant, unitPriceFor } from "@/lib/pricing/unit-price";
import { resolveCheckoutFields } from "./checkout-fields";
import type { CheckoutContext, CheckoutCountry } from "./load-checkout-context";
import { availablePaymentMethods, shippingMethodsFor } from "./payment-methods";
import type { TPlaceOrderInput } from "./place-order";
import { quoteShipping } from "./quote-shipping";
import { validateCheckoutFields, type ValidatedCheckoutValues } from "./validate-checkout-fields";

export interface PricedLine {
  productId: string;
  kind: OrderItemKind;
  upsellId: string | null;
  productName: string;
  quantity: number;
  unitPrice: number;
  unitCost: number;
}

export interface PricedOrder {
  country: CheckoutCountry;
  region: Region;
  paymentMethod: PaymentMethod;
  shippingMethod: ShippingMethod | null;
  lines: PricedLine[];
  totals: Totals;
  values: ValidatedCheckoutValues;
}

const PAY_AMOUNT_ERRORS = {
  NOT_AN_AMOUNT: "checkoutErrors.amountInvalid",
  BELOW_MINIMUM: "checkoutErrors.amountBelowMinimum",
  TOO_LARGE: "checkoutErrors.amountTooLarge",
} as const;

export const checkoutValidationError = (fieldErrors: FieldErrors) => new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });

/** Validates and prices; throws AppError VALIDATION with every field error found. */
export function priceOrder(context: CheckoutContext, input: TPlaceOrderInput): PricedOrder {
  const { product } = context;
  const fieldErrors: FieldErrors = {};
  const fail = (key: string, message: string) => {
    (fieldErrors[key] ??= []).push(message);
  };

  const country = context.countries.find((entry) => entry.code === input.country);
  if (!country) throw checkoutValidationError({ country: ["checkoutErrors.countryNotAvailable"] });
  const price = product.prices.find((entry) => entry.region === country.region)!;

  const fields = resolveCheckoutFields(product, product.formFields, input.locale);
  const { values, fieldErrors: formErrors } = validateCheckoutFields(fields, input.fields, country);
  Object.assign(fieldErrors, formErrors);

  // The main line: pay-what-you-want takes the shopper's amount (no tiers), otherwise tiers apply.
  let unitPrice: number;
  if (product.payWhatYouWant) {
    const amount = input.payAmount ?? price.price;
    const problem = checkPayWhatYouWant(amount, price.minimumPrice);
    if (problem) fail("payAmount", PAY_AMOUNT_ERRORS[problem]);
    unitPrice = problem ? price.price : amount;
  } else {
    const tiers = product.priceTiers.filter((tier) => tier.region === country.region);
    unitPrice = unitPriceFor({ price: price.price, tiers, quantity: input.quantity });
  }
  // An early answer; the reservation in the order's transaction is what really decides.
  if (product.stock !== null && product.stock - product.reserved < input.quantity) fail("quantity", "checkoutErrors.outOfStock");

  const lines: PricedLine[] = [{ productId: product.id, kind: "MAIN", upsellId: null, productName: product.name, quantity: input.quantity, unitPrice, unitCost: product.baseCost }];
  for (const bumpId of new Set(input.bumpIds ?? [])) {
    const bump = product.upsells.find((upsell) => upsell.id === bumpId);
    if (!bump) {
      fail("bumpIds", "checkoutErrors.bumpUnknown");
      continue;
    }
    lines.push({
      productId: bump.offerProduct.id,
      kind: "BUMP",
      upsellId: bump.id,
      productName: bump.offerProduct.name,
      quantity: bump.quantity,
      unitPrice: bump.price,
      unitCost: bump.offerProduct.baseCost,
    });
  }

  const offered = {
    courier: quoteShipping(context, country, "COURIER", 0) !== null,
  };
  const methods = availablePaymentMethods({
    codAllowed: product.codAllowed,
    codCountries: product.codCountries,
    country: country.code,
    productType: product.type,
    stripeEnabled: context.stripeEnabled,
    courierAvailable: offered.courier,
    enabled: context.settings.paymentMethodsEnabled,
  });
  if (!methods.includes(input.paymentMethod)) {
    fail("paymentMethod", input.paymentMethod === "COD" ? "checkoutErrors.codNotAllowed" : "checkoutErrors.paymentMethodNotAllowed");
  }

  let itemsTotal = 0;
  for (const line of lines) itemsTotal += line.unitPrice * line.quantity;

  let shippingMethod: ShippingMethod | null = null;
  let shipping = 0;
  const candidates = shippingMethodsFor(input.paymentMethod, product.type);
  if (candidates.length > 0) {
    const wanted = input.shippingMethod ?? candidates.find((method) => quoteShipping(context, country, method, itemsTotal) !== null);
    const cost = wanted && candidates.includes(wanted) ? quoteShipping(context, country, wanted, itemsTotal) : null;
    if (wanted && cost !== null) {
      shippingMethod = wanted;
      shipping = cost;
    } else if (!fieldErrors.paymentMethod) {
      fail("shippingMethod", "checkoutErrors.shippingNotAvailable");
    }
  }

  let totals: Totals = { itemsTotal: 0, discountTotal: 0, shippingTotal: 0, total: 0 };
  if (itemsTotal + shipping > MAX_ORDER_TOTAL) fail(product.payWhatYouWant ? "payAmount" : "quantity", "checkoutErrors.totalTooLarge");
  else totals = computeTotals({ items: lines, shipping });

  if (Object.keys(fieldErrors).length === 0 && input.expectedTotal !== undefined && input.expectedTotal !== totals.total) {
    // The page showed another total (prices changed, or the figure was tampered with): the
    // shopper must see the real one before committing to it.
    fail("total", "checkoutErrors.totalChanged");
  }
  if (Object.keys(fieldErrors).length > 0) throw checkoutValidationError(fieldErrors);

  return { country, region: country.region, paymentMethod: input.paymentMethod, shippingMethod, lines, totals, values };
}
