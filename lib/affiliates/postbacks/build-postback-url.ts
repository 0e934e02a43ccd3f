// Fills a partner's postback URL template with the values of one order event (DESIGN.md:
// postbacks). Decisions, so partners and support can rely on them:
// - macros are {name}, lower-case as documented; each value is URL-encoded (encodeURIComponent),
//   so a sub-id like "a&b=c" cannot add or change parameters;
// - a known macro without a value (no click, no sub3) becomes the empty string;
// - an unknown macro ({sub6}, {Order_ID}) is left as it is: the partner then sees the typo in
//   their own logs instead of silently getting an empty value;
// - the template is validated first (http(s) only, no macros in the host), so the result is
//   always an http(s) URL to the partner's own host.
import type { OrderStatus } from "@/lib/db/generated/enums";
import { minorUnitsToDecimalString, currencyMinorDigits } from "@/lib/money/format";
import { validatePostbackUrl } from "./validate-postback-url";

export const POSTBACK_MACROS = ["order_id", "click_id", "sub1", "sub2", "sub3", "sub4", "sub5", "status", "payout", "currency", "product_id"] as const;
export type PostbackMacro = (typeof POSTBACK_MACROS)[number];

export interface PostbackValues {
  orderId: string;
  clickId: bigint | string | null;
  sub1: string | null;
  sub2: string | null;
  sub3: string | null;
  sub4: string | null;
  sub5: string | null;
  status: OrderStatus;
  /** The partner's (level-0) commission in minor units of `payoutCurrency`; null when there is none yet. */
  payoutMinor: number | null;
  payoutCurrency: string;
  /** The order's currency. */
  currency: string;
  productId: string;
}

/** The macro values as text: {payout} is a decimal in the currency's units ("400.00"), "0" when none. */
export function postbackMacroValues(values: PostbackValues): Record<PostbackMacro, string> {
  const payoutCurrency = values.payoutCurrency.trim();
  return {
    order_id: values.orderId,
    click_id: values.clickId === null ? "" : String(values.clickId),
    sub1: values.sub1 ?? "",
    sub2: values.sub2 ?? "",
    sub3: values.sub3 ?? "",
    sub4: values.sub4 ?? "",
    sub5: values.sub5 ?? "",
    status: values.status,
    payout: minorUnitsToDecimalString(values.payoutMinor ?? 0, currencyMinorDigits(payoutCurrency)),
    // Char(3) columns come back padded on some paths; the code itself never has spaces.
    currency: values.currency.trim(),
    product_id: values.productId,
  };
}

const MACRO = /\{([A-Za-z0-9_]+)\}/g;

export function buildPostbackUrl(template: string, values: PostbackValues): string {
  const url = validatePostbackUrl(template);
  const macros = postbackMacroValues(values);
  return url.replace(MACRO, (whole, name: string) => (Object.hasOwn(macros, name) ? encodeURIComponent(macros[name as PostbackMacro]) : whole));
}
