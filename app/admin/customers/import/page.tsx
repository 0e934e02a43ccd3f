// Customer import, step 1: upload a CSV; the latest imports with their results.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ImportUploadForm } from "@/components/crm/import/import-upload-form";
import { panel, secondaryButton } from "@/components/ui/styles";
import { listCustomerImports } from "@/lib/crm/import/get-customer-import";
import { formatDateTime } from "@/lib/format-date";
import { clientMessages } from "@/lib/i18n/client-messages";
import { requireCrmPage } from "../../crm-page-guard";

export default async function CustomerImportPage() {
  const staff = await requireCrmPage("customers", "/admin/customers/import", "importCustomers");
  const t = await getTranslations("crmImport");
  const [imports, messages] = await Promise.all([listCustomerImports({ id: staff.id, role: staff.role }), clientMessages(["crmImport"])]);

  return (
    <>
      <PageHeader title={t("title")}>
        <div className="flex gap-2">
          <Link href="/admin/customers/duplicates" className={secondaryButton}>
            {(await getTranslations("crmMerge"))("links.duplicates")}
          </Link>
          <Link href="/admin/customers" className={secondaryButton}>
            {t("back")}
          </Link>
        </div>
      </PageHeader>
      <section className={`${panel} mb-6 grid gap-4 p-5`}>
        <h2 className="text-lg font-semibold">{t("upload.title")}</h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <NextIntlClientProvider messages={messages}>
          <ImportUploadForm />
        </NextIntlClientProvider>
      </section>
      <section className={`${panel} overflow-hidden`}>
        <h2 className="px-5 pt-4 text-lg font-semibold">{t("recent.title")}</h2>
        {imports.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">{t("recent.empty")}</p>
        ) : (
          <table className="mt-2 w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-5 py-2 font-medium">{t("recent.file")}</th>
                <th className="px-3 py-2 font-medium">{t("recent.status")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("recent.rows")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("recent.result")}</th>
                <th className="px-3 py-2 font-medium">{t("recent.when")}</th>
                <th className="px-3 py-2 font-medium">{t("recent.by")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {imports.map((row) => (
                <tr key={row.id}>
                  <td className="px-5 py-2">
                    <Link href={`/admin/customers/import/${row.id}`} className="text-brand-700 hover:underline">
                      {row.fileName}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{t(`status.${row.status}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row.totalRows}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {row.createdCount} / {row.updatedCount} / {row.skippedCount}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                  <td className="px-3 py-2">{row.createdBy?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
