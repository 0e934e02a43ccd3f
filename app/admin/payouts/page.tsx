import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";

export default async function Page() {
  await requireStaffPage(sectionRoles("payouts"), "/admin/payouts");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.payouts")} />
      <p className="card text-slate-600">{t("sections.comingUp")}</p>
    </>
  );
}
