// The customer card's segment panel: current R/F/M scores, RFM segment and ABC class, and the
// history of changes (CustomerSegmentChange). A server component for the card's marked place: it
// reads the signed-in staff member itself (the card page has already let them in), and
// getCustomerSegment checks viewCustomers again.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { panel } from "@/components/ui/styles";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getCustomerSegment } from "@/lib/crm/segments/get-customer-segment";
import { SHOP_TIME_ZONE } from "@/lib/reports/resolve-period";
import { segmentLabel } from "./segment-label";

export async function CustomerSegmentPanel({ customerId }: { customerId: string }) {
  const staff = await assertStaff(sectionRoles("customers"));
  const [t, format, view] = await Promise.all([getTranslations("crmSegments"), getFormatter(), getCustomerSegment({ id: staff.id, role: staff.role }, customerId)]);
  const time = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone: SHOP_TIME_ZONE });
  const none = t("panel.none");
  return (
    <section className={`${panel} grid gap-3 p-5`} aria-labelledby="customer-segment" data-testid="customer-segment-panel">
      <h2 id="customer-segment" className="text-base font-semibold">
        {t("panel.title")}
      </h2>
      {view.rfm || view.abcClass ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("panel.segment")}</dt>
          <dd data-testid="customer-rfm-segment">
            {view.rfmSegment ? (
              <Link className="text-brand-700 hover:underline" href={`/admin/customers?${new URLSearchParams({ rfmSegment: view.rfmSegment })}`}>
                {segmentLabel(t, view.rfmSegment)}
              </Link>
            ) : (
              none
            )}
            {view.rfm ? <span className="ml-2 text-slate-500 tabular-nums">{t("panel.scores", view.rfm)}</span> : null}
          </dd>
          <dt className="text-slate-500">{t("panel.abcClass")}</dt>
          <dd data-testid="customer-abc-class">
            {view.abcClass ? (
              <Link className="text-brand-700 hover:underline" href={`/admin/customers?${new URLSearchParams({ abcClass: view.abcClass })}`}>
                {view.abcClass === "A" ? t("abc.gold") : view.abcClass}
              </Link>
            ) : (
              none
            )}
          </dd>
        </dl>
      ) : (
        <p className="text-sm text-slate-500">{t("panel.noScores")}</p>
      )}
      {view.segmentedAt ? <p className="text-xs text-slate-500">{t("panel.segmentedAt", { time: time(view.segmentedAt) })}</p> : null}
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-700">{t("panel.history")}</h3>
        {view.history.length ? (
          <ol className="grid gap-1 text-sm" data-testid="customer-segment-history">
            {view.history.map((change) => (
              <li key={change.id} className="flex flex-wrap gap-x-3">
                <time className="text-slate-500 tabular-nums" dateTime={change.at.toISOString()}>
                  {time(change.at)}
                </time>
                <span>{t("panel.change", { segment: change.rfmSegment ? segmentLabel(t, change.rfmSegment) : none, abcClass: change.abcClass ?? none })}</span>
                {change.rfm ? <span className="text-slate-500 tabular-nums">{t("panel.scores", change.rfm)}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">{t("panel.noHistory")}</p>
        )}
      </div>
    </section>
  );
}
