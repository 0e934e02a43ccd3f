import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel } from "@/components/ui/styles";
import { listActivePromoMaterials } from "@/lib/affiliates/materials/list-active-promo-materials";
import { requirePartnerPage } from "@/lib/auth/guard";
import { getEnv } from "@/lib/env";

export default async function PartnerMaterialsPage() {
  const actor = await requirePartnerPage("/partner/materials");
  const [t, materials] = await Promise.all([getTranslations("promoMaterials"), listActivePromoMaterials({ login: actor.login }, getEnv().APP_URL)]);
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="mb-5 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      {materials.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="materials-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {materials.map((material) => (
            <article key={material.id} className={`${panel} space-y-2 p-5`} data-testid="partner-material">
              <div className="flex items-start justify-between gap-3">
                <h2 className="font-semibold">{material.title}</h2>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t(`kinds.${material.kind}`)}</span>
              </div>
              <p className="text-xs text-slate-500">{material.productName ?? t("wholeProgram")}</p>
              {material.description ? <p className="text-sm text-slate-700">{material.description}</p> : null}
              {material.url ? (
                <a href={material.url} target="_blank" rel="noopener noreferrer" className="block text-sm break-all text-brand-700 hover:underline">
                  {t("open")}
                </a>
              ) : null}
              {material.content ? <pre className="rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap">{material.content}</pre> : null}
              {material.referralLink ? (
                <div>
                  <div className="text-xs font-medium text-slate-500">{t("yourLink")}</div>
                  <output className="block rounded-md bg-slate-100 px-3 py-2 font-mono text-xs break-all select-all" data-testid="material-link">
                    {material.referralLink}
                  </output>
                </div>
              ) : null}
            </article>
          ))}
        </div>
      )}
    </>
  );
}
