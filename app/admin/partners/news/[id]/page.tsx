import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { secondaryButton } from "@/components/ui/styles";
import { NewsForm } from "@/components/admin/partners/news/news-form";
import { getPartnerNewsOrThrow } from "@/lib/affiliates/news/list-partner-news";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { savePartnerNewsAction } from "../actions";

export default async function EditPartnerNewsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage(sectionRoles("partners"), `/admin/partners/news/${encodeURIComponent(id)}`);
  const news = await getPartnerNewsOrThrow(id, { id: actor.id, role: actor.role }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, messages] = await Promise.all([getTranslations("partnerNews"), clientMessages(["common", "adminPartners", "partnerNews"])]);
  return (
    <NextIntlClientProvider messages={messages}>
      <PageHeader title={t("editTitle")}>
        <Link href="/admin/partners/news" className={secondaryButton}>
          {t("backToList")}
        </Link>
      </PageHeader>
      <NewsForm action={savePartnerNewsAction} news={{ id: news.id, title: news.title, body: news.body }} />
    </NextIntlClientProvider>
  );
}
