"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { CheckoutQuote } from "@/lib/checkout/quote-checkout";
import type { PaymentMethod } from "@/lib/db/generated/enums";
import { currencyMinorDigits, formatMoney, minorUnitsToDecimalString } from "@/lib/money/format";
import { CheckoutField, halfWidthKeys } from "./checkout-field";
import { computeDisplayTotals, shippingFor } from "./compute-display-totals";
import { CountrySelect } from "./country-select";
import { errorId, FieldError, FieldShell } from "./field-shell";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { carriedForm, forgetCarriedForm } from "./carry-over";
import { QuantityInput } from "./quantity-input";
import { VisitorInputs } from "./visitor-inputs";
import { CouponField } from "./coupon-field";
import { useEarlyChecked, useEarlyValue } from "./use-early-input";
import { PromotionCountdown } from "./promotion-countdown";
import { INITIAL_CHECKOUT_FORM_STATE, TYPED_COUPON_INPUT, type TCheckoutFormState, type TCheckoutFormView } from "./types";

type Props = {
  view: TCheckoutFormView;
  /** Label of the country select: the merchant's COUNTRY field label, or the default. */
  countryLabel: string;
  action: (state: TCheckoutFormState, formData: FormData) => Promise<TCheckoutFormState>;
  /** The server's live quote (lib/checkout/quote-checkout) for a coupon, discounts and promotions. */
  quoteAction?: (input: Record<string, unknown>) => Promise<{ ok: true; quote: CheckoutQuote } | { ok: false; code: string }>;
};

const QUANTITY_ID = "checkout-quantity";
const PAY_AMOUNT_ID = "checkout-pay-amount";

export function CheckoutForm({ view, countryLabel, action, quoteAction }: Props) {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, INITIAL_CHECKOUT_FORM_STATE);
  // After a change of country this form is new: it starts from what was typed before.
  const [carried] = useState(() => carriedForm(view.productId));
  useEffect(() => forgetCarriedForm(), []);
  const values = state.attempt === 0 && carried ? carried.values : state.values;
  const formRef = useRef<HTMLFormElement>(null);
  const errorSummaryRef = useRef<HTMLDivElement>(null);
  const money = (amount: number) => formatMoney(amount, view.currency, locale);
  const digits = currencyMinorDigits(view.currency);

  const [quantity, setQuantity] = useState(values.quantity ?? "1");
  const [payAmount, setPayAmount] = useState(values.payAmount ?? (view.payWhatYouWant ? majorUnits(view.unitPrice, digits) : ""));
  const [chosenMethod, setChosenMethod] = useState<PaymentMethod | null>((values.paymentMethod as PaymentMethod | undefined) ?? null);
  const [bumpIds, setBumpIds] = useState<string[]>(carried?.bumpIds ?? []);

  // Chosen before the page's script had loaded (see use-early-input.ts).
  const payAmountRef = useRef<HTMLInputElement>(null);
  useEarlyValue(payAmountRef, payAmount, (element) => setPayAmount(element.value));
  useEarlyChecked(formRef, "bumpIds", (ids) => {
    if (ids.length !== bumpIds.length || ids.some((id) => !bumpIds.includes(id))) setBumpIds(ids);
  });

  // After a country change the allowed methods may differ: fall back to the first allowed one.
  const paymentMethod = chosenMethod && view.paymentMethods.includes(chosenMethod) ? chosenMethod : (view.paymentMethods[0] ?? null);
  useEarlyChecked(formRef, "paymentMethod", ([method]) => {
    if (method && method !== paymentMethod) setChosenMethod(method as PaymentMethod);
  });
  const country = view.countries.find((option) => option.code === view.country);
  const fieldErrors = state.fieldErrors;
  // Errors of inputs this form shows go next to them; any other (a bump that was withdrawn, a
  // problem with the form as a whole) is listed above the button.
  const shownKeys = new Set([
    "quantity",
    "country",
    "paymentMethod",
    "coupon",
    ...(view.payWhatYouWant ? ["payAmount"] : []),
    ...(view.bumps.length > 0 ? ["bumpIds"] : []),
    ...view.fields.map((field) => field.key),
  ]);
  const otherErrors = Object.entries(fieldErrors).filter(([key]) => !shownKeys.has(key));

  const totals = computeDisplayTotals({
    basePrice: view.unitPrice,
    tiers: view.tiers,
    quantity: Number.parseInt(quantity, 10),
    payAmount: view.payWhatYouWant ? parseMoneyInput(payAmount, digits) : null,
    bumpPrices: view.bumps.filter((bump) => bumpIds.includes(bump.id)).map((bump) => bump.price * bump.quantity),
    shipping: shippingFor(view.shipping, paymentMethod, view.productType),
  });

  // The server's quote of the cart as chosen (discounts, promotions, coupon): asked for whenever
  // something that decides the price changes, and after a submission the server refused (a price
  // that changed meanwhile is then shown). What the page shows is what it sends as expectedTotal.
  const tq = useTranslations("discounts.checkout");
  const [coupon, setCoupon] = useState<string | null>(values.coupon || null);
  const [quote, setQuote] = useState<{ key: string; quote: CheckoutQuote } | null>(null);
  const [quoteProblem, setQuoteProblem] = useState<string | null>(null);
  const [promotionEnded, setPromotionEnded] = useState(0);
  const onPromotionEnd = useCallback(() => setPromotionEnded((count) => count + 1), []);
  const wantsQuote = Boolean(quoteAction) && (view.discountsMayApply || coupon !== null);
  const cartInput = {
    product: view.productId,
    quantity: Number.parseInt(quantity, 10) || 1,
    country: view.country,
    paymentMethod: paymentMethod ?? undefined,
    payAmount: view.payWhatYouWant ? (parseMoneyInput(payAmount, digits) ?? undefined) : undefined,
    bumpIds,
    coupon: coupon ?? undefined,
  };
  const quoteKey = JSON.stringify(cartInput);
  useEffect(() => {
    // Not while the order is on its way: Next.js sends Server Actions one at a time, so the quote
    // would go out after it, from the page the order redirects to, where it does not exist. A
    // refused order changes state.attempt, which asks again.
    if (!wantsQuote || !quoteAction || !cartInput.paymentMethod || pending) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // The contact typed so far: first-order and per-customer coupons look at it.
      const contact: Record<string, string> = {};
      const form = formRef.current ? new FormData(formRef.current) : null;
      for (const field of view.fields) {
        const value = form?.get(`field.${field.key}`);
        if ((field.type === "PHONE" || field.type === "EMAIL") && typeof value === "string" && value.trim()) contact[field.key] = value;
      }
      quoteAction({ ...JSON.parse(quoteKey), fields: contact })
        .then((result) => {
          if (cancelled) return;
          if (result.ok) {
            setQuote({ key: quoteKey, quote: result.quote });
            setQuoteProblem(null);
          } else setQuoteProblem(result.code === "RATE_LIMITED" ? tq("rateLimited") : tq("failed"));
        })
        .catch(() => !cancelled && setQuoteProblem(tq("failed")));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- quoteKey stands for the cart input
  }, [quoteKey, wantsQuote, promotionEnded, state.attempt, pending]);
  const hydrated = useSyncExternalStore(subscribeToNothing, isClient, isServer);
  // Without JavaScript no quote is ever asked for: a refused order brings the server's quote of
  // the cart as submitted (the form shows that cart again), so the next click sends its total.
  const currentQuote = quote?.key === quoteKey ? quote.quote : hydrated ? null : (state.quote ?? null);
  const shownTotal = currentQuote ? currentQuote.totals.total : totals.total;
  // Until the server's quote of the cart as it now stands arrives, the total shown may lack a
  // discount: ordering then would only be refused as "the price has changed". Only a hydrated
  // page waits for a quote.
  const quotePending = hydrated && wantsQuote && Boolean(cartInput.paymentMethod) && !currentQuote && !quoteProblem;
  const couponVerdict = currentQuote?.coupon ?? null;

  // Move focus to the first problem after a failed submission, as a screen reader user needs.
  useEffect(() => {
    if (state.attempt === 0) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    (firstInvalid ?? errorSummaryRef.current)?.focus();
  }, [state.attempt]);

  const halfWidth = halfWidthKeys(view.fields);
  const hasCountryField = view.fields.some((field) => field.type === "COUNTRY");
  const countrySelect = (
    <CountrySelect
      key="country"
      product={view.productId}
      country={view.country}
      countries={view.countries}
      label={countryLabel}
      error={fieldErrors.country}
      warning={view.paymentMethods.length === 0 ? t("noPaymentMethods") : null}
    />
  );
  const soldOut = view.maxQuantity < 1;
  const canOrder = view.paymentMethods.length > 0 && !soldOut;

  return (
    <form
      ref={formRef}
      action={formAction}
      // Submitting through a transition (not the form's own action) keeps what was typed after a
      // failed attempt: React resets a form after an action it ran itself. Without JavaScript the
      // form still posts to the same Server Action.
      onSubmit={(event) => {
        event.preventDefault();
        if (pending || !canOrder || quotePending) return;
        const data = new FormData(event.currentTarget);
        // The order gets the code applied, not whatever the coupon field holds; a code typed and
        // not applied (or cleared) is applied first, so that the total is seen before the order.
        const typed = String(data.get(TYPED_COUPON_INPUT) ?? "")
          .trim()
          .toUpperCase();
        data.delete(TYPED_COUPON_INPUT);
        if (typed !== (coupon ?? "")) {
          setCoupon(typed || null);
          return;
        }
        startTransition(() => formAction(data));
      }}
      noValidate
      className="flex flex-col gap-7"
    >
      <input type="hidden" name="product" value={view.productId} />
      <input type="hidden" name="currency" value={view.currency} />
      {coupon && couponVerdict?.status !== "NOT_APPLICABLE" ? <input type="hidden" name="coupon" value={coupon} /> : null}
      <input type="hidden" name="expectedTotal" value={shownTotal} />
      <VisitorInputs carried={carried?.values} />

      <section aria-labelledby="checkout-order-heading" className="flex flex-col gap-4">
        <h2 id="checkout-order-heading" className="text-base font-semibold text-slate-900">
          {t("sections.order")}
        </h2>
        <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
          <div>
            <label htmlFor={QUANTITY_ID} className="mb-1.5 block text-sm font-medium text-slate-700">
              {t("quantity.label")}
            </label>
            <QuantityInput
              id={QUANTITY_ID}
              max={Math.max(1, view.maxQuantity)}
              value={quantity}
              onChange={setQuantity}
              invalid={Boolean(fieldErrors.quantity)}
              describedBy={fieldErrors.quantity ? errorId(QUANTITY_ID) : undefined}
            />
            <FieldError inputId={QUANTITY_ID} message={fieldErrors.quantity} />
          </div>
          {view.tiers.length > 0 && !view.payWhatYouWant ? (
            <div className="text-sm">
              <p className="mb-1.5 font-medium text-slate-700">{t("quantity.tiers")}</p>
              <ul className="flex flex-col gap-1 text-slate-600">
                {view.tiers.map((tier) => (
                  <li key={tier.minQuantity} className={Number.parseInt(quantity, 10) >= tier.minQuantity ? "font-medium text-emerald-700" : undefined}>
                    {t("quantity.tier", { count: tier.minQuantity, price: money(tier.unitPrice) })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {view.payWhatYouWant ? (
          <FieldShell
            inputId={PAY_AMOUNT_ID}
            label={t("payWhatYouWant.label", { currency: view.currency })}
            required
            optionalText=""
            error={fieldErrors.payAmount}
            hint={view.minimumPrice !== null ? t("payWhatYouWant.minimum", { amount: money(view.minimumPrice) }) : null}
          >
            <input
              ref={payAmountRef}
              id={PAY_AMOUNT_ID}
              name="payAmount"
              className="input h-11 max-w-48 text-base tabular-nums aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-100"
              inputMode="decimal"
              autoComplete="off"
              required
              value={payAmount}
              onChange={(event) => setPayAmount(event.currentTarget.value)}
              aria-invalid={fieldErrors.payAmount ? true : undefined}
              aria-describedby={fieldErrors.payAmount ? errorId(PAY_AMOUNT_ID) : undefined}
            />
          </FieldShell>
        ) : null}
      </section>

      <section aria-labelledby="checkout-details-heading" className="flex flex-col gap-4">
        <h2 id="checkout-details-heading" className="text-base font-semibold text-slate-900">
          {t("sections.details")}
        </h2>
        <div className="grid grid-cols-2 gap-x-3 gap-y-4">
          {hasCountryField ? null : countrySelect}
          {view.fields.map((field) =>
            field.type === "COUNTRY" ? (
              countrySelect
            ) : (
              <CheckoutField key={field.key} field={field} half={halfWidth.has(field.key)} country={country} defaultValue={values[`field.${field.key}`]} error={fieldErrors[field.key]} />
            ),
          )}
        </div>
      </section>

      <fieldset className="flex flex-col gap-3" aria-describedby={fieldErrors.paymentMethod ? errorId("checkout-payment") : undefined}>
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("sections.payment")}</legend>
        {view.paymentMethods.length > 0 ? (
          view.paymentMethods.map((method) => (
            <label
              key={method}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3.5 shadow-sm transition has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600"
            >
              <input
                type="radio"
                name="paymentMethod"
                value={method}
                checked={paymentMethod === method}
                onChange={() => setChosenMethod(method)}
                className="mt-0.5 size-4 accent-brand-600"
              />
              <span className="flex flex-col">
                <span className="text-sm font-medium text-slate-900">{t(`paymentMethods.${method}.title`)}</span>
                <span className="text-sm text-slate-600">{t(`paymentMethods.${method}.hint`)}</span>
              </span>
            </label>
          ))
        ) : (
          <p className="rounded-lg bg-amber-50 px-3.5 py-3 text-sm text-amber-900">{t("noPaymentMethods")}</p>
        )}
        <FieldError inputId="checkout-payment" message={fieldErrors.paymentMethod} />
      </fieldset>

      {view.bumps.length > 0 ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-3 text-base font-semibold text-slate-900">{t("sections.extras")}</legend>
          {view.bumps.map((bump) => (
            <label
              key={bump.id}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-dashed border-amber-300 bg-amber-50/60 p-3.5 transition has-checked:border-solid has-checked:border-amber-500 has-checked:bg-amber-50"
            >
              <input
                type="checkbox"
                name="bumpIds"
                value={bump.id}
                checked={bumpIds.includes(bump.id)}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setBumpIds((ids) => (checked ? [...ids, bump.id] : ids.filter((id) => id !== bump.id)));
                }}
                className="mt-0.5 size-5 shrink-0 rounded accent-amber-600"
              />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="flex justify-between gap-3 text-sm font-medium text-slate-900">
                  <span>{bump.quantity > 1 ? t("summary.line", { name: bump.title, quantity: bump.quantity }) : bump.title}</span>
                  <span className="whitespace-nowrap tabular-nums">+{money(bump.price * bump.quantity)}</span>
                </span>
                {bump.description ? <span className="text-sm text-slate-600">{bump.description}</span> : null}
              </span>
            </label>
          ))}
          <FieldError inputId="checkout-bumps" message={fieldErrors.bumpIds} />
        </fieldset>
      ) : null}

      <section aria-labelledby="checkout-summary-heading" className="flex flex-col gap-4 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
        <h2 id="checkout-summary-heading" className="text-base font-semibold text-slate-900">
          {t("sections.summary")}
        </h2>
        {view.promotion ? <PromotionCountdown name={view.promotion.name} endsAt={view.promotion.endsAt} onEnd={onPromotionEnd} /> : null}
        {quoteAction ? (
          <CouponField
            currency={view.currency}
            applied={coupon}
            onApply={setCoupon}
            verdict={couponVerdict}
            quoteProblem={coupon ? quoteProblem : null}
            error={state.attempt > 0 && values.coupon === coupon ? fieldErrors.coupon : undefined}
          />
        ) : null}
        <dl className="flex flex-col gap-2 text-sm" aria-live="polite">
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">{t("summary.line", { name: view.productName, quantity: Number.parseInt(quantity, 10) || 1 })}</dt>
            <dd className="whitespace-nowrap tabular-nums">{money(totals.mainTotal)}</dd>
          </div>
          {view.bumps
            .filter((bump) => bumpIds.includes(bump.id))
            .map((bump) => (
              <div key={bump.id} className="flex justify-between gap-4">
                <dt className="text-slate-600">{bump.quantity > 1 ? t("summary.line", { name: bump.title, quantity: bump.quantity }) : bump.title}</dt>
                <dd className="whitespace-nowrap tabular-nums">{money(bump.price * bump.quantity)}</dd>
              </div>
            ))}
          {totals.shipping !== null ? (
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">{t("summary.shipping")}</dt>
              <dd className="whitespace-nowrap tabular-nums">{totals.shipping === 0 ? t("summary.freeShipping") : money(totals.shipping)}</dd>
            </div>
          ) : null}
          {(currentQuote?.discounts ?? []).map((discount) => (
            <div key={`${discount.source}:${discount.label}`} className="flex justify-between gap-4 text-emerald-700" data-testid="checkout-discount">
              <dt>{tq("discountLine", { label: discount.label })}</dt>
              <dd className="whitespace-nowrap tabular-nums">−{money(discount.amount)}</dd>
            </div>
          ))}
          <div className="mt-1 flex justify-between gap-4 border-t border-slate-200 pt-3 text-base font-semibold">
            <dt>{t("summary.total")}</dt>
            <dd className="whitespace-nowrap tabular-nums" data-testid="checkout-total">
              {money(shownTotal)}
            </dd>
          </div>
        </dl>

        {state.formError || otherErrors.length > 0 ? (
          <div ref={errorSummaryRef} tabIndex={-1} role="alert" className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-700 focus:outline-none">
            {state.formError ? <p>{state.formError}</p> : null}
            {otherErrors.length > 0 ? (
              <ul className="list-disc pl-4">
                {otherErrors.map(([key, message]) => (
                  <li key={key}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : Object.keys(fieldErrors).length > 0 ? (
          <p role="alert" className="text-sm text-red-700">
            {t("errors.checkFields")}
          </p>
        ) : null}

        <button
          type="submit"
          className="btn h-12 w-full rounded-lg text-base"
          disabled={pending || !canOrder || quotePending}
          aria-disabled={pending || !canOrder || quotePending}
          aria-busy={quotePending}
        >
          {pending ? (
            <>
              <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
              {t("submitting")}
            </>
          ) : paymentMethod === "PREPAID" ? (
            t("submitPay", { amount: money(shownTotal) })
          ) : (
            t("submit", { amount: money(shownTotal) })
          )}
        </button>
        {soldOut ? (
          <p className="rounded-lg bg-amber-50 px-3.5 py-3 text-sm text-amber-900">{t("soldOut")}</p>
        ) : !canOrder ? null : (
          <p className="text-center text-xs text-slate-500">
            {paymentMethod === "PREPAID" ? t("trust.prepaid") : t("trust.cod")}
            {paymentMethod !== "PREPAID" && view.confirmationMode === "EMAIL_LINK" ? ` ${t("trust.confirmByEmail")}` : null}
          </p>
        )}
      </section>
    </form>
  );
}

/** `195000` with 2 digits → `"1950"`, `195050` → `"1950.50"`: how a shopper would type it. */
function majorUnits(amount: number, digits: number): string {
  return minorUnitsToDecimalString(amount, digits).replace(/\.0+$/, "");
}

const subscribeToNothing = () => () => {};
const isClient = () => true;
const isServer = () => false;
