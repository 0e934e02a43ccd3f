// The product's price as the visitor sees it first: the price for their region in the product's
// currency, the crossed-out old price with the saving, and what it is roughly in other currencies.
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money/format";

export async function PriceTag({
  price,
  compareAtPrice,
  currency,
  displayPrices,
  locale,
  payWhatYouWant,
  minimumPrice,
}: {
  price: number;
  compareAtPrice: number | null;
  currency: string;
  displayPrices: { currency: string; amount: number }[];
  locale: string;
  payWhatYouWant: boolean;
  minimumPrice: number | null;
}) {
  const t = await getTranslations("checkout.price");
  const money = (amount: number, code = currency) => formatMoney(amount, code, locale);
  const others = displayPrices.filter((entry) => entry.currency !== currency);
  // A crossed-out price next to a price the shopper chooses would mean nothing.
  const hasSaving = !payWhatYouWant && compareAtPrice !== null && compareAtPrice > price;
  // A rounded percentage for the badge only; no money is computed from it.
  const savingPercent = hasSaving ? Math.round(((compareAtPrice - price) * 100) / compareAtPrice) : 0;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-3xl font-bold tracking-tight text-slate-900 tabular-nums" data-testid="checkout-price">
          {money(price)}
        </span>
        {hasSaving ? (
          <>
            <s className="text-lg text-slate-500 tabular-nums">
              <span className="sr-only">{t("wasPrice")} </span>
              {money(compareAtPrice)}
            </s>
            <span className="rounded-full bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-600">−{savingPercent}%</span>
          </>
        ) : null}
      </div>
      {payWhatYouWant ? (
        <p className="text-sm font-medium text-emerald-700">{minimumPrice !== null ? t("payWhatYouWantFrom", { amount: money(minimumPrice) }) : t("payWhatYouWant")}</p>
      ) : null}
      {others.length > 0 ? (
        <p className="text-sm text-slate-500">
          <span className="sr-only">{t("otherCurrencies")}: </span>
          {others.map((entry) => `≈ ${money(entry.amount, entry.currency)}`).join(" · ")}
        </p>
      ) : null}
    </div>
  );
}
