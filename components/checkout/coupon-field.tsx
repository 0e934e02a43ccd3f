"use client";

// The coupon code on the checkout page: applied live (the form asks the server for a quote with
// it), with the server's verdict in words — applied, or why not.
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { CheckoutQuote } from "@/lib/checkout/quote-checkout";
import { formatMoney } from "@/lib/money/format";
import { errorId } from "./field-shell";
import { TYPED_COUPON_INPUT } from "./types";
import { useEarlyValue } from "./use-early-input";

const INPUT_ID = "checkout-coupon";

type Props = {
  currency: string;
  /** The code applied (sent with the order), or null. */
  applied: string | null;
  onApply: (code: string | null) => void;
  /** The server's verdict on `applied` (null while it is being asked). */
  verdict: CheckoutQuote["coupon"];
  /** A problem with asking (rate limit, network). */
  quoteProblem: string | null;
  /** The order's own error for the coupon field, after a submission. */
  error?: string;
};

export function CouponField({ currency, applied, onApply, verdict, quoteProblem, error }: Props) {
  const t = useTranslations("discounts.checkout");
  const te = useTranslations("checkoutErrors.coupon");
  const locale = useLocale();
  const [code, setCode] = useState(applied ?? "");
  const apply = (text: string) => onApply(text.trim().toUpperCase() || null);
  // A code typed before the page's script had loaded is applied: an Apply click then was lost,
  // and the shopper who sees the code in the field takes it as entered. The verdict follows.
  const input = useRef<HTMLInputElement>(null);
  useEarlyValue(input, code, (element) => {
    setCode(element.value);
    apply(element.value);
  });

  let message: { tone: "ok" | "bad" | "info"; text: string } | null = null;
  if (error) message = { tone: "bad", text: error };
  else if (quoteProblem) message = { tone: "bad", text: quoteProblem };
  else if (verdict?.status === "APPLIED") message = { tone: "ok", text: t("applied", { code: verdict.code }) };
  else if (verdict?.status === "NOT_BEST") message = { tone: "info", text: t("notBest", { code: verdict.code }) };
  else if (verdict?.status === "NOT_APPLICABLE") {
    const minimum =
      verdict.problem === "MIN_TOTAL" && verdict.minimum !== undefined
        ? ` ${t("minimumTotal", { amount: formatMoney(verdict.minimum, currency, locale) })}`
        : verdict.problem === "MIN_QUANTITY" && verdict.minimum !== undefined
          ? ` ${t("minimumQuantity", { count: verdict.minimum })}`
          : "";
    message = { tone: "bad", text: `${te(verdict.problem)}${minimum}` };
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={INPUT_ID} className="text-sm font-medium text-slate-700">
        {t("label")}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={INPUT_ID}
          name={TYPED_COUPON_INPUT}
          className="input h-10 flex-1 uppercase aria-invalid:border-red-400"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter applies the code rather than placing the order.
            if (event.key === "Enter") {
              event.preventDefault();
              apply(code);
            }
          }}
          aria-invalid={message?.tone === "bad" ? true : undefined}
          aria-describedby={message ? errorId(INPUT_ID) : undefined}
          data-testid="coupon-input"
        />
        {applied ? (
          <button
            type="button"
            className="btn-secondary h-10 rounded-lg px-3 text-sm"
            onClick={() => {
              setCode("");
              onApply(null);
            }}
          >
            {t("remove")}
          </button>
        ) : (
          <button type="button" className="btn-secondary h-10 rounded-lg px-3 text-sm" onClick={() => apply(code)} data-testid="coupon-apply">
            {t("apply")}
          </button>
        )}
      </div>
      {message ? (
        <p
          id={errorId(INPUT_ID)}
          role="status"
          data-testid="coupon-message"
          className={message.tone === "ok" ? "text-sm text-emerald-700" : message.tone === "bad" ? "text-sm text-red-700" : "text-sm text-slate-600"}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
