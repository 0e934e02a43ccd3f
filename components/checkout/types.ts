// What the checkout's client components receive: plain JSON-safe values only (no Decimal, no
// Date), labels already resolved, nothing the shopper does not need to see.
import type { CheckoutQuote } from "@/lib/checkout/quote-checkout";
import type { CheckoutFieldType, ConfirmationMode, PaymentMethod, ProductType, ShippingMethod } from "@/lib/db/generated/enums";

export type TCheckoutCountry = {
  code: string;
  /** In the visitor's language (Intl.DisplayNames). */
  name: string;
  phoneCode: string;
  phoneMask: string | null;
  postcodePattern: string | null;
};

export type TCheckoutField = {
  key: string;
  type: CheckoutFieldType;
  /** The merchant's label, or the localised default for the field type. */
  label: string;
  required: boolean;
  placeholder: string | null;
  mask: string | null;
  /** Choices of a CUSTOM select; empty for free text. */
  options: string[];
};

export type TCheckoutFormView = {
  productId: string;
  productName: string;
  productType: ProductType;
  confirmationMode: ConfirmationMode;
  currency: string;
  country: string;
  countries: TCheckoutCountry[];
  /** Unit price for the country's region, in minor units of `currency`. */
  unitPrice: number;
  tiers: { minQuantity: number; unitPrice: number }[];
  /** The most that can be ordered now (stock left, capped); 0 when sold out. */
  maxQuantity: number;
  payWhatYouWant: boolean;
  minimumPrice: number | null;
  fields: TCheckoutField[];
  paymentMethods: PaymentMethod[];
  shipping: { method: ShippingMethod; cost: number }[];
  /** Order bumps: `price` per unit, `quantity` units added when ticked. */
  bumps: { id: string; title: string; description: string | null; price: number; quantity: number }[];
  /** An automatic discount or promotion may apply: the totals shown are the server's quote (lib/marketing/discounts). */
  discountsMayApply: boolean;
  /** The promotion running on the product, for the countdown (ISO end). */
  promotion: { name: string; endsAt: string } | null;
};

/** Result of a failed submission; a successful one redirects instead. */
export type TCheckoutFormState = {
  /** Localised messages by input: a field's key, or quantity, payAmount, paymentMethod, country, bumpIds. */
  fieldErrors: Record<string, string>;
  /** Localised message about the whole form (rate limit, product gone, …). */
  formError: string | null;
  /** What was submitted, so the form shows it again (also without JavaScript). */
  values: Record<string, string>;
  /** Changes on every failed submission, so the form can move focus to the first error. */
  attempt: number;
  /**
   * The server's quote of the cart as submitted (discounts, the coupon's verdict): what a page
   * without JavaScript, which cannot ask for one, shows and sends as the total after a refusal.
   */
  quote?: CheckoutQuote | null;
};

export const INITIAL_CHECKOUT_FORM_STATE: TCheckoutFormState = { fieldErrors: {}, formError: null, values: {}, attempt: 0 };

/**
 * The coupon field's own name. The script sends only the code applied (hidden input `coupon`) and
 * drops this one; a form posted without JavaScript has only this one, and its code is the coupon.
 */
export const TYPED_COUPON_INPUT = "couponCode";

/** Name of the form input holding a configured field's value. */
export const fieldInputName = (key: string) => `field.${key}`;

/** What the confirmation page shows after confirmOrderByToken (JSON-safe, for client components too). */
export type TConfirmView = {
  result: "CONFIRMED" | "ALREADY_CONFIRMED" | "EXPIRED" | "INVALID";
  order: { publicId: string; number: number; productName: string; total: number; currency: string } | null;
};
