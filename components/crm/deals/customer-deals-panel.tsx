// The customer card's deals: every deal with this customer (stage and budget) and a "new deal"
// link that starts the form with the customer chosen. Shown only to who works on deals.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { panel, secondaryButton } from "@/components/ui/styles";
import { getActor } from "@/lib/auth/guard";
import { canCrm } from "@/lib/crm/crm-access";
import { listCustomerDeals } from "@/lib/crm/deals/list-customer-deals";
import { formatMoney } from "@/lib/money/format";

export async function CustomerDealsPanel({ customerId }: { customerId: string }) {
  const actor = await getActor();
  if (actor?.kind !== "staff" || !canCrm(actor.role, "manageDeals")) return null;
  const [t, locale, deals] = await Promise.all([getTranslations("crmDeals.customerPanel"), getLocale(), listCustomerDeals(customerId, { id: actor.id, role: actor.role })]);
  return (
    <section className={`${panel} p-4`} data-testid="customer-deals">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t("title")}</h2>
        <Link href={`/admin/deals/new?customerId=${encodeURIComponent(customerId)}`} className={`${secondaryButton} print:hidden`}>
          {t("newDeal")}
        </Link>
      </div>
      {deals.length ? (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">{t("deal")}</th>
              <th className="py-1 font-medium">{t("stage")}</th>
              <th className="py-1 text-right font-medium">{t("budget")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deals.map((deal) => (
              <tr key={deal.id}>
                <td className="py-1.5">
                  <Link href={`/admin/deals/${deal.id}`} className="font-medium text-brand-700 hover:underline">
                    {deal.title}
                  </Link>
                </td>
                <td className="py-1.5">
                  <span className="inline-flex items-center gap-1.5">
                    <span aria-hidden className="size-2 rounded-full" style={{ background: deal.stageColor ?? "#94a3b8" }} />
                    {deal.stageName}
                    <span className="text-xs text-slate-500">· {deal.pipelineName}</span>
                  </span>
                </td>
                <td className="py-1.5 text-right whitespace-nowrap tabular-nums">{formatMoney(BigInt(deal.budget), deal.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      )}
    </section>
  );
}
