import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { secondaryButton } from "@/components/ui/styles";
import { getPromoMaterialOrThrow } from "@/lib/affiliates/materials/list-promo-materials";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { PromoMaterialKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { savePromoMaterialAction } from "../actions";
import { MaterialForm } from "../material-form";

export default async function EditPromoMaterialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage(sectionRoles("partners"), `/admin/partners/materials/${encodeURIComponent(id)}`);
  const material = await getPromoMaterialOrThrow(id, { id: actor.id, role: actor.role }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, products, messages] = await Promise.all([
    getTranslations("promoMaterials"),
    db.product.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    clientMessages(["common", "adminPartners", "promoMaterials"]),
  ]);
  return (
    <NextIntlClientProvider messages={messages}>
      <PageHeader title={t("editTitle")}>
        <Link href="/admin/partners/materials" className={secondaryButton}>
          {t("backToList")}
        </Link>
      </PageHeader>
      <MaterialForm
        action={savePromoMaterialAction}
        kinds={Object.values(PromoMaterialKind)}
        products={products}
        material={{
          id: material.id,
          title: material.title,
          kind: material.kind,
          productId: material.product?.id ?? "",
          description: material.description ?? "",
          url: material.url ?? "",
          content: material.content ?? "",
          isActive: material.isActive,
        }}
      />
    </NextIntlClientProvider>
  );
}
