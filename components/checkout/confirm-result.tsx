// The outcome of opening an order-confirmation link: confirmed now, confirmed before, expired,
// or not a link of ours. Rendered by the page (link opened in a browser) and by the button's
// form (link pre-fetched by a mail scanner, confirmed by a click), so it uses no server APIs.
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatMoney } from "@/lib/money/format";
import { StatusIcon } from "./status-icon";
import type { TConfirmView } from "./types";

const ICON = { CONFIRMED: "success", ALREADY_CONFIRMED: "success", EXPIRED: "warning", INVALID: "error" } as const;

export function ConfirmResult({ view }: { view: TConfirmView }) {
  const t = useTranslations("orderPages.confirm");
  const locale = useLocale();
  const { result, order } = view;
  const number = order?.number ?? "";
  return (
    <div className="flex flex-col items-center gap-4 pt-2 text-center" data-testid="confirm-result" data-result={result}>
      <StatusIcon kind={ICON[result]} />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{order ? t(`${result}.title`, { number }) : t(`${result}.titleNoOrder`)}</h1>
      <p className="max-w-lg text-slate-600">{t(`${result}.text`)}</p>
      {order ? (
        <p className="rounded-lg bg-white px-4 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
          {order.productName} · <span className="font-semibold tabular-nums">{formatMoney(order.total, order.currency, locale)}</span>
        </p>
      ) : null}
      {order && (result === "CONFIRMED" || result === "ALREADY_CONFIRMED") ? (
        <Link href={`/order/${order.publicId}`} className="btn-secondary mt-2">
          {t("viewOrder")}
        </Link>
      ) : null}
    </div>
  );
}
