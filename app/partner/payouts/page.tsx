import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel } from "@/components/ui/styles";
import { PayoutHistory } from "@/components/partner/payouts/payout-history";
import { PayoutRequestForm } from "@/components/partner/payouts/payout-request-form";
import { getPartnerBalances } from "@/lib/affiliates/ledger/get-partner-balance";
import { listPartnerPayouts } from "@/lib/affiliates/payouts/list-payouts";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { requirePartnerPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { clientMessages } from "@/lib/i18n/client-messages";
import { currencyMinorDigits, formatMoney, minorUnitsToDecimalString } from "@/lib/money/format";
import { requestPayoutAction } from "./actions";

export default async function PartnerPayoutsPage() {
  const actor = await requirePartnerPage("/partner/payouts");
  // Every read is scoped by the session partner's id.
  const [t, locale, format, program, balances, payouts, partner, messages] = await Promise.all([
    getTranslations("cabinetPayouts"),
    getLocale(),
    getFormatter(),
    getProgramSettings(),
    getPartnerBalances(actor.id),
    listPartnerPayouts(actor.id),
    db.partner.findUnique({ where: { id: actor.id }, select: { payoutMethod: true, payoutDetails: true } }),
    clientMessages(["cabinetPayouts", "affiliatePayouts"]),
  ]);
  const minimum = program.minimumPayout;
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  // The program's currency always shows (a new partner sees 0 of it beside the minimum).
  const shown = balances.some((balance) => balance.currency === minimum.currency) ? balances : [{ currency: minimum.currency, amount: 0 }, ...balances];
  const options = [...shown]
    .sort((a, b) => Number(b.currency === minimum.currency) - Number(a.currency === minimum.currency))
    .map((balance) => ({ currency: balance.currency, defaultAmount: minorUnitsToDecimalString(Math.max(0, balance.amount), currencyMinorDigits(balance.currency)) }));

  return (
    <>
      <PageHeader title={t("title")} />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        {shown.map((balance) => (
          <div key={balance.currency} className={`${panel} p-4`} data-testid="payout-balance" data-currency={balance.currency} data-value={balance.amount}>
            <div className="text-sm text-slate-500">{t("available", { currency: balance.currency })}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{formatMoney(balance.amount, balance.currency, locale)}</div>
          </div>
        ))}
        <div className={`${panel} p-4`} data-testid="payout-minimum" data-value={minimum.amount} data-currency={minimum.currency}>
          <div className="text-sm text-slate-500">{t("minimum")}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums">{formatMoney(minimum.amount, minimum.currency, locale)}</div>
        </div>
      </div>

      <section className={`${panel} mb-6 p-5`} aria-labelledby="payout-request-title">
        <h2 id="payout-request-title" className="mb-1 text-lg font-semibold">
          {t("requestTitle")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("requestIntro")}</p>
        <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="payout-details">
          <dt className="text-slate-500">{t("method")}</dt>
          <dd>{partner?.payoutMethod ?? t("notSet")}</dd>
          <dt className="text-slate-500">{t("details")}</dt>
          <dd className="break-all">{partner?.payoutDetails ?? t("notSet")}</dd>
        </dl>
        <NextIntlClientProvider messages={messages}>
          <PayoutRequestForm action={requestPayoutAction} options={options} />
        </NextIntlClientProvider>
      </section>

      <section aria-labelledby="payout-history-title">
        <h2 id="payout-history-title" className="mb-3 text-lg font-semibold">
          {t("historyTitle")}
        </h2>
        <PayoutHistory
          rows={payouts.map((payout) => {
            const processedAt = payout.paidAt ?? payout.rejectedAt ?? payout.approvedAt;
            return {
              id: payout.id,
              amount: formatMoney(payout.amount, payout.currency, locale),
              status: payout.status,
              requestedAt: dateTime(payout.requestedAt),
              processedAt: processedAt ? dateTime(processedAt) : null,
              note: payout.status === "REJECTED" ? payout.reason : payout.reference,
            };
          })}
        />
      </section>
    </>
  );
}
