import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { UpsellForm } from "@/components/admin/advertising/upsell-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getUpsellEditor } from "@/lib/marketing/upsells/get-upsell-editor";
import { saveUpsellAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export default async function EditUpsellPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireStaffPage(sectionRoles("advertising"), `/admin/advertising/upsells/${encodeURIComponent(id)}`);
  const editor = await getUpsellEditor(id.slice(0, 64), actor).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("adminUpsells");
  return (
    <NextIntlClientProvider messages={await clientMessages(["adminUpsells"])}>
      <PageHeader title={t("editTitle", { title: editor.upsell!.title })} />
      <UpsellForm editor={editor} action={saveUpsellAction} />
    </NextIntlClientProvider>
  );
}
