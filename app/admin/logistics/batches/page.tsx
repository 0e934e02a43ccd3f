import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LogisticsNav } from "@/components/admin/logistics/logistics-nav";
import { PageHeader } from "@/components/admin/page-header";
import { panel, secondaryButton } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { listShippingBatches } from "@/lib/logistics/batches/list-shipping-batches";
import { formatMoney } from "@/lib/money/format";

export default async function BatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffPage(sectionRoles("logistics"), "/admin/logistics/batches");
  const [t, format, locale] = await Promise.all([getTranslations("logistics"), getFormatter(), getLocale()]);
  const { cursor } = await searchParams;
  const validCursor = typeof cursor === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? cursor : undefined;
  let page: Awaited<ReturnType<typeof listShippingBatches>>;
  try {
    page = await listShippingBatches({ cursor: validCursor }, { id: actor.id, role: actor.role });
  } catch {
    page = await listShippingBatches({}, { id: actor.id, role: actor.role });
  }
  return (
    <>
      <PageHeader title={t("title")} />
      <LogisticsNav active="batches" isOwner={actor.role === "OWNER"} />
      <div className={`${panel} overflow-x-auto`}>
        <table className="table" data-testid="batches-table">
          <thead className="bg-slate-50/60">
            <tr>
              <th>{t("batches.number", { number: "" }).replace(/\s*$/, "")}</th>
              <th>{t("batches.shipDate")}</th>
              <th>{t("batches.columns.status")}</th>
              <th className="text-right">{t("batches.parcels")}</th>
              <th className="text-right">{t("batches.weight")}</th>
              <th className="text-right">{t("batches.declared")}</th>
              <th className="text-right">{t("batches.fees")}</th>
              <th>{t("batches.createdBy")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((batch) => (
              <tr key={batch.id} data-testid="batch-row">
                <td className="whitespace-nowrap">
                  <Link href={`/admin/logistics/batches/${batch.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("batches.number", { number: batch.number })}
                  </Link>
                </td>
                <td className="whitespace-nowrap tabular-nums">{format.dateTime(batch.shipDate, { dateStyle: "medium", timeZone: "UTC" })}</td>
                <td>{t(`batches.status.${batch.status}`)}</td>
                <td className="text-right tabular-nums">{batch._count.orders}</td>
                <td className="text-right tabular-nums">{t("batches.grams", { weight: format.number(batch.weightGrams) })}</td>
                <td className="text-right tabular-nums">{batch.declared.map((total) => formatMoney(total.amount, total.currency, locale)).join(", ") || "—"}</td>
                <td className="text-right tabular-nums" data-testid="batch-fees">
                  {batch.fees === null ? "—" : formatMoney(batch.fees, "RUB", locale)}
                  {batch.fees !== null && batch.parcelsWithoutFee > 0 ? (
                    <span className="block text-xs text-amber-700">{t("batches.parcelsWithoutFee", { count: batch.parcelsWithoutFee })}</span>
                  ) : null}
                </td>
                <td>{batch.createdBy?.name ?? "—"}</td>
              </tr>
            ))}
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={8} className="py-12 text-center text-slate-500">
                  {t("batches.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {page.nextCursor ? (
        <div className="mt-4">
          <Link className={secondaryButton} href={`/admin/logistics/batches?cursor=${page.nextCursor}`}>
            {t("nextPage")} →
          </Link>
        </div>
      ) : null}
    </>
  );
}
