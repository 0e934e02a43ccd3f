"use server";

// The checkout form's Server Action. Public on purpose: shoppers are anonymous, so instead of a
// session it is guarded by the per-IP checkout rate limit (applied inside placeOrder), and the
// domain re-validates and re-prices everything from the database. Bad input comes back as
// localised field errors with the values kept; it never reaches an error page.
import { getLocale, getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { TCheckoutFormState } from "@/components/checkout/types";
import { ATTRIBUTION_COOKIE, resolveAttribution } from "@/lib/affiliates/attribution";
import { placeOrder } from "@/lib/checkout/place-order";
import { clientIpFrom } from "@/lib/client-ip";
import { toAppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { parseCheckoutForm, submittedValues } from "./parse-checkout-form";

/** Error codes with their own wording; anything else gets the generic message. */
const FORM_ERROR_CODES: readonly ErrorCode[] = ["VALIDATION", "BAD_REQUEST", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "PAYLOAD_TOO_LARGE"];

export async function placeOrderAction(previous: TCheckoutFormState, formData: FormData): Promise<TCheckoutFormState> {
  const [t, locale, requestHeaders, cookieStore] = await Promise.all([getTranslations(), getLocale(), headers(), cookies()]);
  // Domain messages are keys of the message files; a plain sentence (an unexpected zod message)
  // is not shown as is, since it would not be in the shopper's language.
  const translate = (key: string) => (t.has(key) ? t(key) : t("checkout.errors.invalidValue"));
  const failure = (fieldErrors: Record<string, string>, formError: string | null): TCheckoutFormState => ({
    fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([input, key]) => [input, translate(key)])),
    formError: formError ? translate(formError) : null,
    values: submittedValues(formData),
    attempt: previous.attempt + 1,
  });

  const parsed = parseCheckoutForm(formData);
  if (!parsed.ok) return failure(parsed.fieldErrors, parsed.formError);

  let nextUrl: string;
  try {
    // placeOrder takes the checkout rate limit's point for this IP itself (one per attempt).
    const ip = clientIpFrom(requestHeaders);
    // The referral cookie of the last click: verified here, the partner re-checked by placeOrder.
    const attribution = await resolveAttribution(cookieStore.get(ATTRIBUTION_COOKIE)?.value);
    const result = await placeOrder(
      { ...parsed.input, locale },
      { ip, userAgent: requestHeaders.get("user-agent")?.slice(0, 500) ?? undefined, utm: parsed.tracking.utm, referrer: parsed.tracking.referrer, attribution },
    );
    nextUrl = result.next.url;
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "placing an order failed");
    if (appError.code === "VALIDATION" && appError.fieldErrors && Object.keys(appError.fieldErrors).length > 0) {
      return failure(domainFieldErrors(appError.fieldErrors), null);
    }
    const code = FORM_ERROR_CODES.includes(appError.code) ? appError.code : "default";
    return failure({}, `checkout.errors.codes.${code}`);
  }
  // Outside the try: redirect() works by throwing, and must not be caught as a failure.
  redirect(nextUrl);
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
