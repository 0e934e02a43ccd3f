import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";

export default async function HelpPage() {
  await requireStaffPage(sectionRoles("help"), "/admin/help");
  const t = await getTranslations("sections");
  return (
    <>
      <PageHeader title={t("helpTitle")} />
      <div className="card flex max-w-3xl flex-col gap-4 text-slate-700">
        <p>{t("helpIntro")}</p>
        <h2 className="text-lg font-semibold">{t("helpStatuses")}</h2>
        <p>{t("helpStatusesText")}</p>
        <p>{t("helpRates")}</p>
      </div>
    </>
  );
}
