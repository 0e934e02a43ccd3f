import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { CheckParcelForm } from "./check-parcel-form";
import type { ActionState } from "@/lib/forms/action-state";

/** The order page's parcel timeline: every operation the post reported, and the status it moved the order to. */
export async function ParcelTrackingPanel({
  orderId,
  trackingNumber,
  checkAction,
}: {
  orderId: string;
  trackingNumber: string | null;
  /** Given to roles that may ask the post now (the logistics section's). */
  checkAction?: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [t, tStatus, format] = await Promise.all([getTranslations("logistics.parcel"), getTranslations("orderStatus"), getFormatter()]);
  const [operations, tracking] = await Promise.all([
    db.parcelOperation.findMany({
      where: { orderId },
      orderBy: [{ operatedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, typeName: true, attrName: true, operatedAt: true, postcode: true, place: true, appliedStatus: true, source: true },
    }),
    db.parcelTracking.findUnique({ where: { orderId }, select: { lastCheckedAt: true, lastError: true } }),
  ]);
  return (
    <section className="card" aria-labelledby="parcel-title" data-testid="parcel-tracking">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="parcel-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        {checkAction && trackingNumber ? <CheckParcelForm action={checkAction} orderId={orderId} label={t("checkNow")} /> : null}
      </div>
      {!trackingNumber ? <p className="text-sm text-slate-500">{t("noTracking")}</p> : null}
      {tracking?.lastCheckedAt ? (
        <p className="mb-2 text-xs text-slate-500">{t("lastChecked", { date: format.dateTime(tracking.lastCheckedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      ) : null}
      {tracking?.lastError ? <p className="mb-2 text-xs text-red-700">{t("lastError", { error: tracking.lastError })}</p> : null}
      {operations.length ? (
        <ol className="flex flex-col gap-2 text-sm">
          {operations.map((operation) => (
            <li key={String(operation.id)} className="flex flex-wrap items-baseline gap-x-3" data-testid="parcel-operation">
              <time className="w-36 shrink-0 text-xs text-slate-500 tabular-nums">{format.dateTime(operation.operatedAt, { dateStyle: "short", timeStyle: "short" })}</time>
              <span className="font-medium">{[operation.typeName, operation.attrName].filter(Boolean).join(": ")}</span>
              <span className="text-slate-500">{[operation.postcode, operation.place].filter(Boolean).join(" ")}</span>
              {operation.appliedStatus ? <span className="text-xs font-medium text-emerald-700">{t("moved", { status: tStatus(operation.appliedStatus) })}</span> : null}
            </li>
          ))}
        </ol>
      ) : trackingNumber ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : null}
    </section>
  );
}
