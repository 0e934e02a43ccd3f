// /admin/crm-reports: the index of the CRM reports (issue 8 §5). Each report is its own page; a
// customer's history opens from the customer's card.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel } from "@/components/ui/styles";
import { requireCrmPage } from "../crm-page-guard";

const REPORTS = [
  { key: "sales", href: "/admin/crm-reports/sales" },
  { key: "contacts", href: "/admin/crm-reports/contacts" },
  { key: "deals", href: "/admin/crm-reports/deals" },
  { key: "customerHistory", href: "/admin/customers" },
] as const;

export default async function CrmReportsPage() {
  await requireCrmPage("crmReports", "/admin/crm-reports", "viewReports");
  const t = await getTranslations("crmReports");
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="-mt-3 mb-5 text-sm text-slate-500">{t("intro")}</p>
      <ul className="grid gap-4 sm:grid-cols-2" data-testid="crm-reports">
        {REPORTS.map((report) => (
          <li key={report.key} className={`${panel} flex flex-col gap-2 p-5`}>
            <h2 className="text-base font-semibold">
              <Link href={report.href} className="hover:underline" data-testid={`report-${report.key}`}>
                {t(`reports.${report.key}.title`)}
              </Link>
            </h2>
            <p className="flex-1 text-sm text-slate-600">{t(`reports.${report.key}.description`)}</p>
            <Link href={report.href} className="text-sm font-medium text-brand-700 hover:underline">
              {report.key === "customerHistory" ? t("reports.customerHistory.link") : t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
