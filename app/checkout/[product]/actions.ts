"use server";

// The checkout form's Server Action. Public on purpose: shoppers are anonymous, so instead of a
// session it is guarded by the per-IP checkout rate limit (applied inside placeOrder), and the
// domain re-validates and re-prices everything from the database. Bad input comes back as
// localised field errors with the values kept; it never reaches an error page.
import { getLocale, getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { TYPED_COUPON_INPUT, type TCheckoutFormState } from "@/components/checkout/types";
import { utmOf } from "@/components/checkout/visitor-tracking";
import { ATTRIBUTION_COOKIE, resolveAttribution } from "@/lib/affiliates/attribution";
import { placeOrder } from "@/lib/checkout/place-order";
import { quoteCheckout, type CheckoutQuote } from "@/lib/checkout/quote-checkout";
import { clientIpFrom } from "@/lib/client-ip";
import { toAppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { deriveIdempotencyKey } from "./derive-idempotency-key";
import { parseCheckoutForm, submittedValues, type TCheckoutTracking, type TParsedCheckoutForm } from "./parse-checkout-form";

/** Error codes with their own wording; anything else gets the generic message. */
const FORM_ERROR_CODES: readonly ErrorCode[] = ["VALIDATION", "BAD_REQUEST", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "PAYLOAD_TOO_LARGE"];

export async function placeOrderAction(previous: TCheckoutFormState, formData: FormData): Promise<TCheckoutFormState> {
  const [t, locale, requestHeaders, cookieStore] = await Promise.all([getTranslations(), getLocale(), headers(), cookies()]);
  // Domain messages are keys of the message files; a plain sentence (an unexpected zod message)
  // is not shown as is, since it would not be in the shopper's language.
  const translate = (key: string) => (t.has(key) ? t(key) : t("checkout.errors.invalidValue"));
  const failure = (fieldErrors: Record<string, string>, formError: string | null, quote: CheckoutQuote | null = null): TCheckoutFormState => ({
    fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([input, key]) => [input, translate(key)])),
    formError: formError ? translate(formError) : null,
    values: submittedValues(formData),
    attempt: previous.attempt + 1,
    quote,
  });

  // Posted without JavaScript, the coupon field itself arrives (the script sends the code it
  // applied instead): what the shopper left in it is the coupon, none when they cleared it.
  const typedCoupon = formData.get(TYPED_COUPON_INPUT);
  if (typeof typedCoupon === "string") {
    formData.delete(TYPED_COUPON_INPUT);
    if (typedCoupon.trim()) formData.set("coupon", typedCoupon.trim().toUpperCase());
    else formData.delete("coupon");
  }

  const ip = clientIpFrom(requestHeaders);
  // The browser fills the key in; a form without one (JavaScript off, or posted before the page's
  // script ran) gets one derived from what was submitted, so that a double submit makes one order.
  const submittedKey = formData.get("idempotencyKey");
  if (typeof submittedKey !== "string" || !submittedKey.trim()) formData.set("idempotencyKey", deriveIdempotencyKey(formData, ip));

  const parsed = parseCheckoutForm(formData);
  if (!parsed.ok) return failure(parsed.fieldErrors, parsed.formError);
  const tracking = withPageUtm(parsed.tracking, requestHeaders.get(REQUEST_PATH_HEADER));

  let nextUrl: string;
  try {
    // placeOrder takes the checkout rate limit's point for this IP itself (one per attempt).
    // The referral cookie of the last click: verified here, the partner re-checked by placeOrder.
    const attribution = await resolveAttribution(cookieStore.get(ATTRIBUTION_COOKIE)?.value);
    const result = await placeOrder(
      { ...parsed.input, locale },
      { ip, userAgent: requestHeaders.get("user-agent")?.slice(0, 500) ?? undefined, utm: tracking.utm, referrer: tracking.referrer, attribution },
    );
    nextUrl = result.next.url;
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "placing an order failed");
    if (appError.code === "VALIDATION" && appError.fieldErrors && Object.keys(appError.fieldErrors).length > 0) {
      return failure(domainFieldErrors(appError.fieldErrors), null, await quoteOf(parsed.input, locale, ip));
    }
    const code = FORM_ERROR_CODES.includes(appError.code) ? appError.code : "default";
    return failure({}, `checkout.errors.codes.${code}`);
  }
  // Outside the try: redirect() works by throwing, and must not be caught as a failure.
  redirect(nextUrl);
}

/**
 * The quote of the cart a refused order asked for, for the form to show (a page without
 * JavaScript has no other): null when it cannot be had (the quote's own rate limit, the product
 * gone). The quote looks at the contact fields only; a long free-text field would fail its schema.
 */
async function quoteOf(input: TParsedCheckoutForm, locale: string, ip: string): Promise<CheckoutQuote | null> {
  const contact = Object.fromEntries(Object.entries(input.fields).filter(([, value]) => value.length <= 500));
  try {
    const { product, quantity, country, paymentMethod, payAmount, bumpIds, coupon } = input;
    return await quoteCheckout({ product, quantity, country, paymentMethod, payAmount, bumpIds, coupon, fields: contact, locale }, { ip });
  } catch {
    return null;
  }
}

/**
 * The browser sends the utm_* of the page's URL with the form; without JavaScript nothing does,
 * but such a form posts to the page's own URL, query included, which proxy.ts passes on. (The
 * referrer of the page is lost then: the post's own is the checkout page.)
 */
function withPageUtm(tracking: TCheckoutTracking, pagePath: string | null): TCheckoutTracking {
  if (Object.values(tracking.utm).some(Boolean) || !pagePath?.includes("?")) return tracking;
  const utm = utmOf(pagePath.slice(pagePath.indexOf("?")));
  return {
    ...tracking,
    utm: { source: utm.utm_source, medium: utm.utm_medium, campaign: utm.utm_campaign, content: utm.utm_content, term: utm.utm_term },
  };
}

/**
 * placeOrder's field errors keyed by the form's inputs: "fields.phone" and "phone" both belong
 * to the phone field; the first message of each is enough next to an input.
 */
function domainFieldErrors(fieldErrors: Record<string, string[]>): Record<string, string> {
  const byInput: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const input = path.startsWith("fields.") ? path.slice("fields.".length) : path.split(".")[0] || "_";
    const message = messages[0];
    if (message) byInput[input] ??= message;
  }
  return byInput;
}
