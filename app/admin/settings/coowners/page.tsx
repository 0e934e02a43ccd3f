// Settings → Co-owners (OWNER only): the co-owners with their share rules and the total taken of
// each product, forms to add and edit a co-owner and set or remove a share; Finance shows what
// the shares come to per month.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ActionButtonForm } from "@/components/admin/settings/action-button-form";
import { CoOwnerForm } from "@/components/admin/settings/coowners/coowner-form";
import { ShareForm } from "@/components/admin/settings/coowners/share-form";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { panel } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { listCoOwners } from "@/lib/coowners/list-coowners";
import { percentText as percent } from "@/lib/coowners/percent-text";
import { createCoOwnerAction, deleteCoOwnerAction, deleteCoOwnerShareAction, setCoOwnerActiveAction, setCoOwnerShareAction, updateCoOwnerAction } from "./actions";

export default async function CoOwnersSettingsPage() {
  const actor = await requireStaffPage(sectionRoles("settings"), "/admin/settings/coowners");
  const [t, tSettings, overview] = await Promise.all([getTranslations("settings.coowners"), getTranslations("settings"), listCoOwners({ id: actor.id, role: actor.role })]);
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="coowners" />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="coowners-list" className="flex flex-col gap-3">
          <h2 id="coowners-list" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
          {overview.coOwners.length === 0 ? (
            <p className="text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <div className={`${panel} divide-y divide-slate-200`} data-testid="coowners">
              {overview.coOwners.map((coOwner) => (
                <article key={coOwner.id} className="flex flex-col gap-3 p-4" data-testid="coowner-row" data-name={coOwner.name}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <h3 className="font-semibold">{coOwner.name}</h3>
                      <p className="text-sm text-slate-600">{[coOwner.email, coOwner.user ? `${t("user")}: ${coOwner.user.name}` : null].filter(Boolean).join(" · ")}</p>
                      {coOwner.note ? <p className="text-xs text-slate-500">{coOwner.note}</p> : null}
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={coOwner.isActive ? "text-sm text-emerald-700" : "text-sm text-slate-500"}>{coOwner.isActive ? t("active") : t("inactive")}</span>
                      <ActionButtonForm
                        action={setCoOwnerActiveAction}
                        fields={{ coOwnerId: coOwner.id, isActive: String(!coOwner.isActive) }}
                        label={coOwner.isActive ? t("deactivate") : t("reactivate")}
                        testId="coowner-toggle"
                      />
                      <ActionButtonForm
                        action={deleteCoOwnerAction}
                        fields={{ coOwnerId: coOwner.id }}
                        label={t("delete")}
                        confirmText={t("deleteConfirm", { name: coOwner.name })}
                        testId="coowner-delete"
                        danger
                      />
                    </div>
                  </div>
                  <div>
                    <h4 className="mb-1 text-sm font-medium text-slate-700">{t("shares")}</h4>
                    {coOwner.shares.length === 0 ? (
                      <p className="text-sm text-slate-500">{t("noShares")}</p>
                    ) : (
                      <ul className="mb-2 flex flex-col gap-1 text-sm" data-testid="coowner-shares">
                        {coOwner.shares.map((share) => (
                          <li key={share.id} className="flex items-center gap-3" data-testid="coowner-share">
                            <span>
                              {share.productName ?? t("allProducts")}: <span className="font-medium tabular-nums">{percent(share.basisPoints)} %</span>
                            </span>
                            <ActionButtonForm action={deleteCoOwnerShareAction} fields={{ shareId: share.id }} label={t("removeShare")} confirmText={t("removeShareConfirm")} danger />
                          </li>
                        ))}
                      </ul>
                    )}
                    <ShareForm action={setCoOwnerShareAction} coOwnerId={coOwner.id} products={overview.products} />
                  </div>
                  <details>
                    <summary className="cursor-pointer text-sm text-brand-700">{t("edit")}</summary>
                    <div className="mt-3">
                      <CoOwnerForm
                        action={updateCoOwnerAction}
                        values={{ id: coOwner.id, name: coOwner.name, email: coOwner.email ?? "", userId: coOwner.user?.id ?? "", note: coOwner.note ?? "" }}
                        employees={overview.employees}
                      />
                    </div>
                  </details>
                </article>
              ))}
            </div>
          )}
          {overview.coOwners.length ? (
            <div className="text-sm text-slate-600" data-testid="coowner-totals">
              <h3 className="font-medium text-slate-700">{t("totalsTitle")}</h3>
              <ul>
                <li>{t("totalsAll", { percent: percent(overview.allProductsTotal) })}</li>
                {overview.productTotals.map((total) => (
                  <li key={total.productId}>{t("totalsProduct", { product: total.productName, percent: percent(total.basisPoints) })}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <section aria-labelledby="coowners-add" className="flex max-w-3xl flex-col gap-3">
          <h2 id="coowners-add" className="text-lg font-semibold">
            {t("addTitle")}
          </h2>
          <CoOwnerForm action={createCoOwnerAction} values={{ name: "", email: "", userId: "", note: "" }} employees={overview.employees} products={overview.products} />
        </section>
      </div>
    </>
  );
}
