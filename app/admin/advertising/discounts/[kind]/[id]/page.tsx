// The editor of a coupon, automatic discount or promotion: /admin/advertising/discounts/<kind>/<id>
// (id "new" creates one). MANAGER and OWNER.
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { DiscountForm } from "@/components/admin/advertising/discount-form";
import { GenerateCouponCodesForm } from "@/components/admin/advertising/generate-coupon-codes-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getSegmentSettings } from "@/lib/crm/segments/get-segment-settings";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getDiscountForEdit, type DiscountEditorKind } from "@/lib/marketing/discounts/get-discount-for-edit";
import { generateCouponCodesAction, saveDiscountAction } from "../../../discount-actions";

const KINDS: readonly DiscountEditorKind[] = ["coupon", "automatic", "promotion"];

export default async function DiscountEditorPage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  const actor = await requireStaffPage(sectionRoles("advertising"), `/admin/advertising/discounts/${kind}/${id}`);
  if (!(KINDS as readonly string[]).includes(kind)) notFound();
  const editorKind = kind as DiscountEditorKind;
  const t = await getTranslations("discounts.admin");
  let loaded;
  try {
    loaded = await getDiscountForEdit(editorKind, id === "new" ? null : id, { id: actor.id, role: actor.role });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const segments = editorKind === "automatic" ? (await getSegmentSettings()).rfm.map((rule) => rule.name) : [];
  return (
    <>
      <PageHeader title={t(`${id === "new" ? "new" : "edit"}.${editorKind}`)} />
      <NextIntlClientProvider messages={await clientMessages(["discounts.admin"])}>
        <div className="flex flex-col gap-6">
          <DiscountForm kind={editorKind} values={loaded.values} products={loaded.products} rfmSegments={segments} action={saveDiscountAction.bind(null, editorKind)} />
          {editorKind === "coupon" && id !== "new" ? <GenerateCouponCodesForm action={generateCouponCodesAction.bind(null, id)} /> : null}
        </div>
      </NextIntlClientProvider>
    </>
  );
}
