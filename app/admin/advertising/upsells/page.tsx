// /admin/advertising/upsells: every upsell with its statistics (shown, taken, take rate, revenue),
// pause/resume, and links to the editor.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { UpsellPauseButton } from "@/components/admin/advertising/upsell-pause-button";
import { panel, primaryButton } from "@/components/ui/styles";
import { Table, Td, Th, THead } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { listUpsells } from "@/lib/marketing/upsells/list-upsells";
import { formatMoney } from "@/lib/money/format";
import { formatRate, ratioBasisPoints } from "@/lib/reports/compute-rates";
import { setUpsellActiveAction } from "./actions";

export default async function UpsellsPage() {
  const actor = await requireStaffPage(sectionRoles("advertising"), "/admin/advertising/upsells");
  const [t, locale, upsells] = await Promise.all([getTranslations("adminUpsells"), getLocale(), listUpsells(actor)]);
  return (
    <NextIntlClientProvider messages={await clientMessages(["adminUpsells"])}>
      <PageHeader title={t("title")}>
        <Link href="/admin/advertising/upsells/new" className={primaryButton} data-testid="new-upsell">
          {t("new")}
        </Link>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("lead")}</p>
      {upsells.length === 0 ? (
        <p className="card text-slate-600">{t("empty")}</p>
      ) : (
        <div className={panel}>
          <Table testId="upsells-table" wrapperClassName="overflow-x-auto">
            <THead className="bg-slate-50/60">
              <Th>{t("list.upsell")}</Th>
              <Th>{t("list.kind")}</Th>
              <Th>{t("list.triggers")}</Th>
              <Th numeric>{t("list.price")}</Th>
              <Th numeric>{t("list.shown")}</Th>
              <Th numeric>{t("list.taken")}</Th>
              <Th numeric>{t("list.takeRate")}</Th>
              <Th numeric>{t("list.revenue")}</Th>
              <Th>{t("list.status")}</Th>
            </THead>
            <tbody>
              {upsells.map((upsell) => (
                <tr key={upsell.id} data-testid="upsell-row">
                  <Td>
                    <Link href={`/admin/advertising/upsells/${upsell.id}`} className="font-medium text-brand-700 hover:underline">
                      {upsell.title}
                    </Link>
                    <div className="text-xs text-slate-500">{t("list.offers", { name: upsell.offerProduct.name, quantity: upsell.quantity })}</div>
                  </Td>
                  <Td>{t(`kinds.${upsell.kind}`)}</Td>
                  <Td className="max-w-56 text-xs">{upsell.triggers.map((product) => product.name).join(", ")}</Td>
                  <Td numeric className="text-xs">
                    {upsell.prices.map((price) => (
                      <div key={price.currency}>{formatMoney(price.price, price.currency, locale)}</div>
                    ))}
                  </Td>
                  <Td numeric data-testid="upsell-shown">
                    {upsell.shown}
                  </Td>
                  <Td numeric data-testid="upsell-taken">
                    {upsell.taken}
                  </Td>
                  <Td numeric>{formatRate(ratioBasisPoints(upsell.taken, upsell.shown), locale)}</Td>
                  <Td numeric className="text-xs" data-testid="upsell-revenue">
                    {upsell.revenue.length === 0 ? "—" : upsell.revenue.map((entry) => <div key={entry.currency}>{formatMoney(entry.amount, entry.currency, locale)}</div>)}
                  </Td>
                  <Td>
                    <div className="flex items-center gap-2">
                      <span className={upsell.isActive ? "text-emerald-700" : "text-slate-500"}>{upsell.isActive ? t("active") : t("paused")}</span>
                      <UpsellPauseButton id={upsell.id} isActive={upsell.isActive} action={setUpsellActiveAction} />
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </NextIntlClientProvider>
  );
}
