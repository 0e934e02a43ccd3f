// Settings → Sender and bank details (OWNER only): the shop's requisites printed on the Russian
// Post forms (lib/settings/shop-requisites.ts).
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ShopRequisitesForm } from "@/components/admin/settings/shop-requisites-form";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getShopRequisites } from "@/lib/settings/get-shop-requisites";
import { saveShopRequisitesAction } from "./actions";

export default async function RequisitesSettingsPage() {
  await requireStaffPage(sectionRoles("settings"), "/admin/settings/requisites");
  const [tSettings, t, requisites] = await Promise.all([getTranslations("settings"), getTranslations("settings.requisites"), getShopRequisites()]);
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="requisites" />
      <section aria-labelledby="requisites-title" className="flex max-w-3xl flex-col gap-3">
        <h2 id="requisites-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        {requisites ? null : (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="requisites-not-set">
            {t("notSet")}
          </p>
        )}
        <ShopRequisitesForm action={saveShopRequisitesAction} values={requisites} />
      </section>
    </>
  );
}
