import { getLocale, getTranslations } from "next-intl/server";
import { panel } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { BreakdownTable } from "@/components/partner/breakdown-table";
import { firstParam, periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PartnerPeriodPicker } from "@/components/partner/period-picker";
import { StatCard } from "@/components/partner/stat-card";
import { buildReferralLink } from "@/lib/affiliates/cabinet/build-referral-link";
import { getPartnerBreakdown } from "@/lib/affiliates/cabinet/get-partner-breakdown";
import { getPartnerStats, type PartnerEarnings } from "@/lib/affiliates/cabinet/get-partner-stats";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { requirePartnerPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money/format";
import { formatRate } from "@/lib/reports/compute-rates";

export default async function PartnerHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePartnerPage("/partner");
  const params = await searchParams;
  const input = periodInput(params);
  const group = firstParam(params.group);
  // Stats and breakdown read the same period; a bad one falls back to today for both.
  const [t, tPartner, locale, partner, program, { result, invalidFields }] = await Promise.all([
    getTranslations("cabinet"),
    getTranslations("partner"),
    getLocale(),
    db.partner.findUniqueOrThrow({ where: { id: actor.id }, select: { login: true, status: true } }),
    getProgramSettings(),
    withPeriodFallback((period) => Promise.all([getPartnerStats(actor.id, period), getPartnerBreakdown(actor.id, { ...period, group })]), input),
  ]);
  const [stats, breakdown] = result;
  const { period, clicks, orders, buyout, rates } = stats;
  const periodParams: Record<string, string> = period.kind === "custom" ? { period: "custom", from: period.fromDay, to: period.toDay } : { period: period.kind };
  const link = buildReferralLink({ appUrl: getEnv().APP_URL, login: partner.login });
  // No commissions yet still reads as a balance: zeros in the currency payouts are made in.
  const earnings: PartnerEarnings[] = stats.earnings.length
    ? stats.earnings
    : [{ currency: program.minimumPayout.currency, pending: 0, onHold: 0, available: 0, paid: 0, epc: clicks.raw ? 0 : null }];

  const outcomes = [
    { key: "codUnconfirmed", value: orders.codUnconfirmed, dot: "bg-amber-400" },
    { key: "codConfirmedUnpaid", value: orders.codConfirmedUnpaid, dot: "bg-sky-500" },
    { key: "codConfirmedPaid", value: orders.codConfirmedPaid, dot: "bg-emerald-500" },
    { key: "prepaidPaid", value: orders.prepaidPaid, dot: "bg-violet-500" },
    { key: "duplicateOrSpam", value: orders.duplicateOrSpam, dot: "bg-slate-400" },
  ] as const;

  return (
    <>
      <PageHeader title={tPartner("welcome", { name: actor.name })} />
      <dl className="card mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">{tPartner("login")}</dt>
        <dd className="font-mono">{partner.login}</dd>
        <dt className="text-slate-500">{tPartner("status")}</dt>
        <dd>{tPartner(`statuses.${partner.status}`)}</dd>
        <dt className="text-slate-500">{tPartner("referralLink")}</dt>
        <dd className="font-mono break-all" data-testid="referral-link">
          {link}
        </dd>
      </dl>

      <PartnerPeriodPicker action="/partner" period={period} keep={breakdown.group === "day" ? {} : { group: breakdown.group }} invalidFields={invalidFields} />

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("clicks")} hint={t("clicksHint")} testId="stat-clicks" value={String(clicks.raw)} raw={clicks.raw} data={{ "data-unique": clicks.unique }}>
          {t("clicksUnique", { count: clicks.unique })}
        </StatCard>
        <StatCard label={t("orders")} testId="stat-orders" value={String(orders.total)} raw={orders.total} data={{ "data-confirmed": orders.confirmed }}>
          {t("ordersConfirmed", { count: orders.confirmed })}
        </StatCard>
        <StatCard label={t("approveRate")} hint={t("approveHint")} testId="stat-approve-rate" value={formatRate(rates.approveRate, locale)} raw={rates.approveRate} />
        <StatCard
          label={t("buyoutRate")}
          hint={t("buyoutHint", { paid: buyout.paid, shipped: buyout.shipped })}
          testId="stat-buyout-rate"
          value={formatRate(rates.buyoutRate, locale)}
          raw={rates.buyoutRate}
          data={{ "data-shipped": buyout.shipped, "data-paid": buyout.paid }}
        />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section className={panel} aria-labelledby="outcomes-title">
          <h2 id="outcomes-title" className="px-5 pt-4 text-base font-semibold">
            {t("ordersByOutcome")}
          </h2>
          <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100" data-testid="orders-outcomes">
            {outcomes.map((row) => (
              <li key={row.key} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
                <span className="flex items-center gap-2 text-slate-700">
                  <span className={`size-2 shrink-0 rounded-full ${row.dot}`} aria-hidden />
                  {t(row.key)}
                </span>
                <span className="font-semibold tabular-nums" data-testid={`stat-${row.key}`} data-value={row.value}>
                  {row.value}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section className={panel} aria-labelledby="earnings-title" data-testid="earnings">
          <div className="px-5 pt-4">
            <h2 id="earnings-title" className="text-base font-semibold">
              {t("earnings")}
            </h2>
            <p className="text-xs text-slate-500">{t("earningsHint")}</p>
          </div>
          <table className="mt-3 w-full border-t border-slate-100 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
              <tr>
                <th className="px-5 py-2">{t("pending")}</th>
                <th className="px-3 py-2">{t("onHold")}</th>
                <th className="px-3 py-2">{t("available")}</th>
                <th className="px-3 py-2">{t("paid")}</th>
                <th className="px-5 py-2" title={t("epcHint")}>
                  {t("epc")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {earnings.map((row) => (
                <tr
                  key={row.currency}
                  data-testid="earnings-row"
                  data-currency={row.currency}
                  data-pending={row.pending}
                  data-on-hold={row.onHold}
                  data-available={row.available}
                  data-paid={row.paid}
                >
                  <td className="px-5 py-2">{formatMoney(row.pending, row.currency, locale)}</td>
                  <td className="px-3 py-2">{formatMoney(row.onHold, row.currency, locale)}</td>
                  <td className="px-3 py-2">{formatMoney(row.available, row.currency, locale)}</td>
                  <td className="px-3 py-2">{formatMoney(row.paid, row.currency, locale)}</td>
                  <td className="px-5 py-2" data-testid="stat-epc" data-value={row.epc ?? ""}>
                    {row.epc === null ? "—" : formatMoney(row.epc, row.currency, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500" data-testid={stats.earnings.length ? undefined : "earnings-empty"}>
            {stats.earnings.length ? t("epcHint") : t("noEarnings")}
          </p>
        </section>
      </div>

      <BreakdownTable breakdown={breakdown} periodParams={periodParams} timeZone={period.timeZone} />
    </>
  );
}
