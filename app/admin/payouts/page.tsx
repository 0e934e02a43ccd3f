// The payouts queue: requests oldest first (the order they are worked), with approve, mark paid
// (with the transfer's reference) and reject (with a reason); paid and rejected ones for the record.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel, secondaryButton } from "@/components/ui/styles";
import { PayoutActionForm } from "@/components/admin/payouts/payout-action-form";
import { listPayouts } from "@/lib/affiliates/payouts/list-payouts";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { PayoutStatus } from "@/lib/db/generated/enums";
import { formatMoney } from "@/lib/money/format";
import { payoutAction } from "./actions";

const STATUSES = Object.values(PayoutStatus);

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage(sectionRoles("payouts"), "/admin/payouts");
  const raw = await searchParams;
  const requested = Array.isArray(raw.status) ? raw.status[0] : raw.status;
  // A bad value (an edited URL) shows the default tab rather than an error.
  const status = (STATUSES as string[]).includes(requested ?? "") ? (requested as PayoutStatus) : requested === "all" ? undefined : "REQUESTED";
  const [t, locale, rows] = await Promise.all([getTranslations("adminPayouts"), getLocale(), listPayouts({ status }, { id: staff.id, role: staff.role })]);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  const tabs = [...STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) })), { value: "all", label: t("all") }];

  return (
    <>
      <PageHeader title={t("title")}>
        {/* A plain link: the route answers with a download, no client code needed. */}
        <a className={secondaryButton} href={`/api/admin/payouts/export${status ? `?status=${status}` : ""}`} data-testid="payouts-export">
          {t("export")}
        </a>
      </PageHeader>
      <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-1.5">
        {tabs.map((tab) => {
          const isActive = tab.value === (status ?? "all");
          return (
            <Link
              key={tab.value}
              href={`/admin/payouts?status=${tab.value}`}
              aria-current={isActive ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap ${
                isActive ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:border-slate-300 hover:bg-slate-50"
              }`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <div className={`${panel} overflow-x-auto`}>
        {rows.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="payouts-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-3 py-2">{t("columns.requestedAt")}</th>
                <th className="px-3 py-2">{t("columns.partner")}</th>
                <th className="px-3 py-2 text-right">{t("columns.amount")}</th>
                <th className="px-3 py-2">{t("columns.details")}</th>
                <th className="px-3 py-2">{t("columns.status")}</th>
                <th className="px-3 py-2">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id} className="align-top" data-testid="payout-queue-row" data-login={row.partner.login} data-status={row.status}>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{dateTime.format(new Date(row.requestedAt))}</td>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900">{row.partner.name}</div>
                    <div className="text-xs text-slate-500">{row.partner.login}</div>
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                    {formatMoney(row.amount, row.currency, locale)}
                    <div className="text-xs text-slate-500">{t("commissions", { count: row.commissionCount })}</div>
                  </td>
                  <td className="px-3 py-2 text-xs text-slate-700">
                    <div>{row.method ?? t("noMethod")}</div>
                    <div className="break-all text-slate-500">{row.details}</div>
                  </td>
                  <td className="px-3 py-2">
                    <div>{t(`statuses.${row.status}`)}</div>
                    {row.reference ? <div className="text-xs text-slate-500">{t("reference", { reference: row.reference })}</div> : null}
                    {row.reason ? <div className="text-xs text-red-700">{t("reason", { reason: row.reason })}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    {row.status === "REQUESTED" || row.status === "APPROVED" ? (
                      <div className="flex flex-col gap-2">
                        {row.status === "REQUESTED" ? <PayoutActionForm action={payoutAction} payoutId={row.id} kind="approve" label={t("approve")} /> : null}
                        <PayoutActionForm action={payoutAction} payoutId={row.id} kind="pay" label={t("markPaid")} fieldLabel={t("referenceField")} />
                        <PayoutActionForm action={payoutAction} payoutId={row.id} kind="reject" label={t("reject")} fieldLabel={t("reasonField")} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
