import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { control, panel, secondaryButton } from "@/components/ui/styles";
import { withQuery } from "@/components/admin/orders/orders-url";
import { PartnersTable } from "@/components/admin/partners/partners-table";
import { ProgramSettingsForm } from "@/components/admin/partners/program-settings-form";
import { listPartners, ZListPartnersQuery } from "@/lib/affiliates/list-partners";
import { listCommissionDefaults, MAX_PROGRAM_LEVELS } from "@/lib/affiliates/commission-defaults";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { PartnerStatus } from "@/lib/db/generated/enums";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";
import { setPartnerStatusAction, updateProgramSettingsAction } from "./actions";

const STATUSES = Object.values(PartnerStatus);

export default async function PartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage(sectionRoles("partners"), "/admin/partners");
  const t = await getTranslations("adminPartners");
  const tRoot = await getTranslations();
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  // A bad value (an edited URL) drops only that filter.
  const query = ZListPartnersQuery.parse({ status: first(raw.status), q: first(raw.q), after: first(raw.after) });
  const [page, program, defaults, currencies] = await Promise.all([
    listPartners(query),
    getProgramSettings(),
    listCommissionDefaults(),
    db.currency.findMany({ where: { isEnabled: true }, select: { code: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  const { amount, currency } = program.minimumPayout;
  const base = { ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}) };
  const total = STATUSES.reduce((sum, status) => sum + page.counts[status], 0);
  const tabs = [{ value: undefined, label: t("all"), count: total }, ...STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`), count: page.counts[status] }))];

  return (
    <>
      <PageHeader title={t("title")}>
        <div className="flex gap-2">
          <Link href="/admin/partners/news" className={secondaryButton}>
            {tRoot("partnerNews.editorTitle")}
          </Link>
          <Link href="/admin/partners/materials" className={secondaryButton}>
            {tRoot("promoMaterials.editorTitle")}
          </Link>
        </div>
      </PageHeader>
      <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-1.5" data-testid="partner-status-tabs">
        {tabs.map((tab) => {
          const isActive = tab.value === query.status;
          return (
            <Link
              key={tab.value ?? "all"}
              href={withQuery("/admin/partners", base, { status: tab.value, after: undefined })}
              aria-current={isActive ? "page" : undefined}
              className={`flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap ${
                isActive ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:border-slate-300 hover:bg-slate-50"
              }`}
            >
              {tab.label}
              <span className={`text-xs tabular-nums ${isActive ? "text-slate-300" : "text-slate-500"}`}>{tab.count}</span>
            </Link>
          );
        })}
      </nav>
      <form method="get" action="/admin/partners" className="mb-4 flex gap-2">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <input name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("search")} aria-label={t("search")} maxLength={100} className={`${control} w-72`} />
        <button type="submit" className={secondaryButton}>
          {t("find")}
        </button>
      </form>
      <div className={`${panel} overflow-hidden`}>
        <PartnersTable rows={page.rows} action={setPartnerStatusAction} />
      </div>
      <div className="mt-4 flex gap-3">
        {query.after ? (
          <Link className={secondaryButton} href={withQuery("/admin/partners", base)}>
            {t("firstPage")}
          </Link>
        ) : null}
        {page.nextAfter ? (
          <Link className={secondaryButton} href={withQuery("/admin/partners", base, { after: page.nextAfter })}>
            {t("nextPage")} →
          </Link>
        ) : null}
      </div>
      <div className="mt-8">
        <ProgramSettingsForm
          action={updateProgramSettingsAction}
          currencies={currencies.map((row) => row.code)}
          values={{
            levels: program.levels,
            cookieLifetimeDays: program.cookieLifetimeDays,
            holdDays: program.holdDays,
            minimumPayoutAmount: minorUnitsToDecimalString(amount, currencyMinorDigits(currency)),
            minimumPayoutCurrency: currency,
            approvalMode: program.approvalMode,
            commissionDefaults: Array.from({ length: MAX_PROGRAM_LEVELS }, (_, level) => {
              const rate = defaults.find((row) => row.level === level);
              if (!rate) return { kind: "NONE" as const, value: "", currency };
              // Percent as a percentage ("12.50"), FIXED in major units of its currency ("150.00").
              return rate.kind === "PERCENT"
                ? { kind: "PERCENT" as const, value: minorUnitsToDecimalString(rate.value, 2), currency }
                : // No currency: paid in each order's own (two minor digits, as the form reads it).
                  { kind: "FIXED" as const, value: minorUnitsToDecimalString(rate.value, rate.currency ? currencyMinorDigits(rate.currency) : 2), currency: rate.currency ?? "" };
            }),
          }}
        />
      </div>
    </>
  );
}
