"use server";

// The checkout page's live quote (lib/checkout/quote-checkout.ts). Public like the order action:
// shoppers are anonymous; it only reads, and a quote with a coupon code is rate-limited per IP.
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { quoteCheckout, type CheckoutQuote } from "@/lib/checkout/quote-checkout";
import { clientIpFrom } from "@/lib/client-ip";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type TQuoteResult = { ok: true; quote: CheckoutQuote } | { ok: false; code: "RATE_LIMITED" | "INVALID" | "FAILED" };

export async function quoteCheckoutAction(input: Record<string, unknown>): Promise<TQuoteResult> {
  const [locale, requestHeaders] = await Promise.all([getLocale(), headers()]);
  try {
    return { ok: true, quote: await quoteCheckout({ ...input, locale }, { ip: clientIpFrom(requestHeaders) }) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "RATE_LIMITED") return { ok: false, code: "RATE_LIMITED" };
    if (appError.code === "VALIDATION" || appError.code === "NOT_FOUND") return { ok: false, code: "INVALID" };
    logger.error({ err: appError.cause ?? error }, "quoting a checkout failed");
    return { ok: false, code: "FAILED" };
  }
}
