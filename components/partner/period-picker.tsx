// The cabinet's period picker: preset links and the from–to form, all GET, so the period lives
// in the URL and every cabinet page can be bookmarked or shared with the shop's manager.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CustomPeriodForm, InvalidPeriodNotice } from "@/components/admin/custom-period-form";
import { zonedDayStart } from "@/lib/reports/resolve-period";

/** The presets partners are offered (the owner's "this month" is left out: payouts are not monthly). */
export const CABINET_PERIOD_PRESETS = ["today", "yesterday", "7d", "30d"] as const;

export async function PartnerPeriodPicker(props: {
  action: string;
  period: { kind: string; fromDay: string; toDay: string; timeZone: string };
  keep?: Record<string, string>;
  invalidFields: string[];
}) {
  const { action, period, keep = {}, invalidFields } = props;
  const [t, format] = await Promise.all([getTranslations("cabinet"), getFormatter()]);
  const dayText = (day: string, dateStyle: "full" | "medium") => format.dateTime(zonedDayStart(day, period.timeZone), { dateStyle, timeZone: period.timeZone });
  return (
    <div className="mb-5 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("period")} className="flex flex-wrap items-center gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
          {CABINET_PERIOD_PRESETS.map((preset) => (
            <Link
              key={preset}
              href={`${action}?${new URLSearchParams({ ...keep, period: preset })}`}
              aria-current={period.kind === preset ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${period.kind === preset ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {t(`periods.${preset}`)}
            </Link>
          ))}
        </nav>
        <CustomPeriodForm action={action} period={period} keep={keep} labels={{ from: t("from"), to: t("to"), show: t("show"), form: t("periods.custom") }} />
      </div>
      <p className="text-sm text-slate-500" data-testid="period-range" data-from={period.fromDay} data-to={period.toDay}>
        {period.fromDay === period.toDay
          ? t("rangeDay", { day: dayText(period.fromDay, "full") })
          : t("range", { from: dayText(period.fromDay, "medium"), to: dayText(period.toDay, "medium") })}
      </p>
      <InvalidPeriodNotice
        message={invalidFields.length ? t("invalidPeriod", { fields: invalidFields.map((field) => (field === "from" || field === "to" ? t(field) : t("period"))).join(", ") }) : null}
      />
    </div>
  );
}
