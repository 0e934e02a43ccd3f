import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { UpsellForm } from "@/components/admin/advertising/upsell-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getUpsellEditor } from "@/lib/marketing/upsells/get-upsell-editor";
import { saveUpsellAction } from "../actions";

export default async function NewUpsellPage() {
  const actor = await requireStaffPage(sectionRoles("advertising"), "/admin/advertising/upsells/new");
  const [t, editor] = await Promise.all([getTranslations("adminUpsells"), getUpsellEditor(null, actor)]);
  return (
    <NextIntlClientProvider messages={await clientMessages(["adminUpsells"])}>
      <PageHeader title={t("newTitle")} />
      <UpsellForm editor={editor} action={saveUpsellAction} />
    </NextIntlClientProvider>
  );
}
