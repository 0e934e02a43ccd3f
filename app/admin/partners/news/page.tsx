import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel, secondaryButton } from "@/components/ui/styles";
import { NewsForm } from "@/components/admin/partners/news/news-form";
import { NewsRowActions } from "@/components/admin/partners/news/news-row-actions";
import { listPartnerNews } from "@/lib/affiliates/news/list-partner-news";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientMessages } from "@/lib/i18n/client-messages";
import { deletePartnerNewsAction, savePartnerNewsAction, setPartnerNewsPublishedAction } from "./actions";

export default async function PartnerNewsEditorPage() {
  const actor = await requireStaffPage(sectionRoles("partners"), "/admin/partners/news");
  const [t, format, news, messages] = await Promise.all([
    getTranslations("partnerNews"),
    getFormatter(),
    listPartnerNews({ id: actor.id, role: actor.role }),
    clientMessages(["common", "adminPartners", "partnerNews"]),
  ]);
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <NextIntlClientProvider messages={messages}>
      <PageHeader title={t("editorTitle")}>
        <Link href="/admin/partners" className={secondaryButton}>
          {t("backToPartners")}
        </Link>
      </PageHeader>
      <section className="mb-8" aria-labelledby="news-new">
        <h2 id="news-new" className="mb-3 text-lg font-semibold">
          {t("newTitle")}
        </h2>
        <NewsForm action={savePartnerNewsAction} />
      </section>
      {news.length === 0 ? (
        <p className="text-sm text-slate-500">{t("editorEmpty")}</p>
      ) : (
        <div className={`${panel} overflow-x-auto`}>
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 text-left text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t("fields.title")}</th>
                <th className="px-4 py-2 font-medium">{t("state")}</th>
                <th className="px-4 py-2 font-medium">{t("updated")}</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {news.map((item) => (
                <tr key={item.id} className="border-b border-slate-100 last:border-0" data-testid="news-row" data-published={item.isPublished}>
                  <td className="px-4 py-2">
                    <Link href={`/admin/partners/news/${item.id}`} className="font-medium text-brand-700 hover:underline">
                      {item.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{item.isPublished && item.publishedAt ? t("publishedOn", { date: dateTime(item.publishedAt) }) : t("draft")}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{dateTime(item.updatedAt)}</td>
                  <td className="px-4 py-2">
                    <NewsRowActions id={item.id} isPublished={item.isPublished} publishAction={setPartnerNewsPublishedAction} deleteAction={deletePartnerNewsAction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </NextIntlClientProvider>
  );
}
