import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BatchParcelForm, CloseBatchForm } from "@/components/admin/logistics/batch-forms";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getShippingBatchOrThrow, type ShippingBatchDetail } from "@/lib/logistics/batches/get-shipping-batch";
import { formatMoney } from "@/lib/money/format";
import { closeBatchAction, updateBatchParcelAction } from "../../actions";

/** Kopecks as the rubles a person types ("1990.50"), without floats. */
const rubles = (minor: number) => `${Math.trunc(minor / 100)}.${String(Math.abs(minor % 100)).padStart(2, "0")}`;
/** A fee as typed ("" while unknown). */
const feeRubles = (minor: number | null) => (minor === null ? "" : rubles(minor));

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage(sectionRoles("logistics"), `/admin/logistics/batches/${encodeURIComponent(id)}`);
  let batch: ShippingBatchDetail;
  try {
    batch = await getShippingBatchOrThrow(id, { id: actor.id, role: actor.role });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, tStatus, tOrders, format, locale] = await Promise.all([getTranslations("logistics"), getTranslations("orderStatus"), getTranslations("orders"), getFormatter(), getLocale()]);
  const open = batch.status === "OPEN";
  const totalWeight = batch.orders.reduce((sum, entry) => sum + entry.weightGrams, 0);
  const currencies = [...new Set(batch.orders.map((entry) => entry.currency))];
  const sum = (pick: (entry: ShippingBatchDetail["orders"][number]) => number) =>
    currencies
      .map((currency) =>
        formatMoney(
          batch.orders.filter((entry) => entry.currency === currency).reduce((total, entry) => total + pick(entry), 0),
          currency,
          locale,
        ),
      )
      .join(", ");
  const cod = (entry: ShippingBatchDetail["orders"][number]) => (entry.order.paymentMethod === "PREPAID" ? 0 : entry.order.total);
  // Fees are kopecks (Russian Post's tariff is in rubles); a total only of the fees that are known, "—" when none is.
  const feeTotal = (pick: (entry: ShippingBatchDetail["orders"][number]) => number | null) => {
    const known = batch.orders.map(pick).filter((fee) => fee !== null);
    return known.length
      ? formatMoney(
          known.reduce((total, fee) => total + fee, 0),
          "RUB",
          locale,
        )
      : "—";
  };
  const fee = (minor: number | null, overridden: boolean) =>
    minor === null ? (
      <span className="text-slate-500">—</span>
    ) : (
      <span title={overridden ? t("batches.feeOverridden") : undefined}>
        {formatMoney(minor, "RUB", locale)}
        {overridden ? " *" : ""}
      </span>
    );
  const formsHref = (forms: string) => `/api/admin/logistics/batches/${batch.id}/forms?forms=${forms}`;
  const missingTracking = batch.orders.filter((entry) => !entry.order.trackingNumber).map((entry) => entry.order.number);

  return (
    <>
      <Link href="/admin/logistics/batches" className="text-sm text-slate-500 hover:text-slate-800">
        ← {t("batches.back")}
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="batch-title">
          {t("batches.number", { number: batch.number })}
        </h1>
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm text-slate-700" data-testid="batch-status">
          {t(`batches.status.${batch.status}`)}
        </span>
        <span className="text-sm text-slate-500">
          {t("batches.shipDate")}: {format.dateTime(batch.shipDate, { dateStyle: "medium", timeZone: "UTC" })} · {t("batches.createdBy")}: {batch.createdBy?.name ?? "—"}
        </span>
      </div>
      <div className="mb-4 flex flex-wrap gap-2">
        <a href={formsHref("f103,f7p,f112ep")} target="_blank" rel="noopener" className={primaryButton} data-testid="batch-print">
          {t("batches.print")}
        </a>
        <a href={formsHref("f103,f7p,f112ep,f116")} target="_blank" rel="noopener" className={secondaryButton}>
          {t("batches.printAll")}
        </a>
        {missingTracking.length && open ? (
          <Link href={`/admin/logistics/tracking?orders=${missingTracking.join(",")}`} className={secondaryButton} data-testid="batch-set-tracking">
            {t("batches.setTracking")}
          </Link>
        ) : null}
      </div>
      <div className={`${panel} overflow-x-auto`}>
        <table className="table" data-testid="batch-parcels">
          <thead className="bg-slate-50/60">
            <tr>
              <th className="text-right">{t("batches.columns.position")}</th>
              <th>{t("batches.columns.order")}</th>
              <th>{t("batches.columns.recipient")}</th>
              <th>{t("batches.columns.postcode")}</th>
              <th>{t("batches.columns.tracking")}</th>
              <th>
                {open
                  ? `${t("batches.columns.weight")} / ${t("batches.columns.declaredValue")} / ${t("batches.columns.postageFee")} / ${t("batches.columns.declaredValueFee")}`
                  : t("batches.columns.weight")}
              </th>
              {open ? null : <th className="text-right">{t("batches.columns.declaredValue")}</th>}
              {open ? null : <th className="text-right">{t("batches.columns.postageFee")}</th>}
              {open ? null : <th className="text-right">{t("batches.columns.declaredValueFee")}</th>}
              <th className="text-right">{t("batches.columns.cod")}</th>
              <th>{t("batches.columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {batch.orders.map((entry) => (
              <tr key={entry.id} data-testid="batch-parcel" data-order-number={entry.order.number}>
                <td className="text-right tabular-nums">{entry.position}</td>
                <td>
                  <Link href={`/admin/orders/${entry.order.id}`} className="text-brand-700 hover:underline">
                    {tOrders("number", { number: entry.order.number })}
                  </Link>
                </td>
                <td>
                  {entry.order.customerName ?? "—"}
                  <div className="text-xs text-slate-500">{entry.order.city ?? ""}</div>
                </td>
                <td className="tabular-nums">{entry.order.postcode ?? "—"}</td>
                <td className="font-mono text-xs" data-testid="parcel-tracking">
                  {entry.order.trackingNumber ?? <span className="text-slate-500">—</span>}
                </td>
                <td>
                  {open ? (
                    <BatchParcelForm
                      action={updateBatchParcelAction}
                      entryId={entry.id}
                      weightGrams={entry.weightGrams}
                      declaredRubles={rubles(entry.declaredValue)}
                      postageRubles={feeRubles(entry.postageFee)}
                      declaredValueFeeRubles={feeRubles(entry.declaredValueFee)}
                      postageOverridden={entry.postageFeeOverridden}
                      declaredValueFeeOverridden={entry.declaredValueFeeOverridden}
                      orderNumber={entry.order.number}
                    />
                  ) : (
                    <span className="tabular-nums">{format.number(entry.weightGrams)}</span>
                  )}
                </td>
                {open ? null : <td className="text-right tabular-nums">{formatMoney(entry.declaredValue, entry.currency, locale)}</td>}
                {open ? null : (
                  <td className="text-right tabular-nums" data-testid="parcel-postage-fee">
                    {fee(entry.postageFee, entry.postageFeeOverridden)}
                  </td>
                )}
                {open ? null : (
                  <td className="text-right tabular-nums" data-testid="parcel-declared-value-fee">
                    {fee(entry.declaredValueFee, entry.declaredValueFeeOverridden)}
                  </td>
                )}
                <td className="text-right tabular-nums">{formatMoney(cod(entry), entry.order.currency, locale)}</td>
                <td>
                  <OrderStatusBadge status={entry.order.status} label={tStatus(entry.order.status)} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-medium">
              <td colSpan={5}>{t("batches.totals")}</td>
              <td className="tabular-nums" data-testid="batch-totals">
                {t("batches.grams", { weight: format.number(totalWeight) })} · {sum((entry) => entry.declaredValue)}
                {open
                  ? ` · ${t("batches.columns.postageFee")}: ${feeTotal((entry) => entry.postageFee)} · ${t("batches.columns.declaredValueFee")}: ${feeTotal((entry) => entry.declaredValueFee)}`
                  : null}
              </td>
              {open ? null : <td />}
              {open ? null : <td className="text-right tabular-nums">{feeTotal((entry) => entry.postageFee)}</td>}
              {open ? null : <td className="text-right tabular-nums">{feeTotal((entry) => entry.declaredValueFee)}</td>}
              <td className="text-right tabular-nums">{sum(cod)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {open ? (
        <div className="mt-6 max-w-md">
          <p className="mb-2 text-sm text-slate-500">{t("batches.feesHint")}</p>
          <p className="mb-2 text-sm text-slate-500">{t("batches.closeHint")}</p>
          <CloseBatchForm action={closeBatchAction} batchId={batch.id} />
        </div>
      ) : null}
    </>
  );
}
