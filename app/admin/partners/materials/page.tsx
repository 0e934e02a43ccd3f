import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel, secondaryButton } from "@/components/ui/styles";
import { listPromoMaterials } from "@/lib/affiliates/materials/list-promo-materials";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { PromoMaterialKind } from "@/lib/db/generated/enums";
import { clientMessages } from "@/lib/i18n/client-messages";
import { deletePromoMaterialAction, savePromoMaterialAction } from "./actions";
import { DeleteMaterialButton, MaterialForm } from "./material-form";

export default async function PromoMaterialsEditorPage() {
  const actor = await requireStaffPage(sectionRoles("partners"), "/admin/partners/materials");
  const [t, materials, products, messages] = await Promise.all([
    getTranslations("promoMaterials"),
    listPromoMaterials({ id: actor.id, role: actor.role }),
    db.product.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    clientMessages(["common", "adminPartners", "promoMaterials"]),
  ]);

  return (
    <NextIntlClientProvider messages={messages}>
      <PageHeader title={t("editorTitle")}>
        <Link href="/admin/partners" className={secondaryButton}>
          {t("backToPartners")}
        </Link>
      </PageHeader>
      <section className="mb-8" aria-labelledby="material-new">
        <h2 id="material-new" className="mb-3 text-lg font-semibold">
          {t("newTitle")}
        </h2>
        <MaterialForm action={savePromoMaterialAction} kinds={Object.values(PromoMaterialKind)} products={products} />
      </section>
      {materials.length === 0 ? (
        <p className="text-sm text-slate-500">{t("editorEmpty")}</p>
      ) : (
        <div className={`${panel} overflow-x-auto`}>
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 text-left text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t("fields.title")}</th>
                <th className="px-4 py-2 font-medium">{t("fields.kind")}</th>
                <th className="px-4 py-2 font-medium">{t("fields.product")}</th>
                <th className="px-4 py-2 font-medium">{t("state")}</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {materials.map((material) => (
                <tr key={material.id} className="border-b border-slate-100 last:border-0" data-testid="material-row">
                  <td className="px-4 py-2">
                    <Link href={`/admin/partners/materials/${material.id}`} className="font-medium text-brand-700 hover:underline">
                      {material.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{t(`kinds.${material.kind}`)}</td>
                  <td className="px-4 py-2">{material.product?.name ?? t("wholeProgram")}</td>
                  <td className="px-4 py-2">{material.isActive ? t("active") : t("inactive")}</td>
                  <td className="px-4 py-2">
                    <DeleteMaterialButton id={material.id} action={deletePromoMaterialAction} />
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
