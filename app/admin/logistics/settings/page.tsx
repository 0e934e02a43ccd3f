import { getTranslations } from "next-intl/server";
import { LogisticsNav } from "@/components/admin/logistics/logistics-nav";
import { TrackingSettingsForm } from "@/components/admin/logistics/tracking-settings-form";
import { PostalTariffForm } from "@/components/admin/logistics/postal-tariff-form";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getPostalTariff } from "@/lib/logistics/fees/postal-tariff";
import { RUSSIAN_POST_CARRIER } from "@/lib/logistics/tracking/russian-post-tracking";
import { getTrackingSettingsView } from "@/lib/logistics/tracking/tracking-settings";
import { minorUnitsToDecimalString } from "@/lib/money/format";
import { zonedDay } from "@/lib/reports/resolve-period";
import { savePostalTariffAction, saveTrackingSettingsAction } from "../actions";

/** Owner only: the carrier account's credentials and the request quota, and the postal tariff of the forms' fees. */
export default async function TrackingSettingsPage() {
  await requireStaffPage(["OWNER"], "/admin/logistics/settings");
  const [t, settings, tariff, usage] = await Promise.all([
    getTranslations("logistics"),
    getTrackingSettingsView(),
    getPostalTariff(),
    db.trackingQuotaDay.findUnique({ where: { carrier_day: { carrier: RUSSIAN_POST_CARRIER, day: new Date(`${zonedDay(new Date())}T00:00:00Z`) } }, select: { requests: true } }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      <LogisticsNav active="settings" isOwner />
      <p className="mb-2 max-w-3xl text-sm text-slate-600">{t("settings.intro")}</p>
      <p className="mb-4 text-sm text-slate-500" data-testid="tracking-usage">
        {t("settings.usedToday", { used: usage?.requests ?? 0, quota: settings.dailyQuota })}
      </p>
      <TrackingSettingsForm action={saveTrackingSettingsAction} settings={settings} />
      <h2 className="mt-8 mb-3 text-lg font-semibold" id="postal-tariff">
        {t("fees.title")}
      </h2>
      <PostalTariffForm
        action={savePostalTariffAction}
        tariff={
          tariff && {
            firstStepPostage: minorUnitsToDecimalString(tariff.firstStepPostage, 2),
            extraStepPostage: minorUnitsToDecimalString(tariff.extraStepPostage, 2),
            stepGrams: String(tariff.stepGrams),
            // Basis points as the percent typed: 400 → "4.00".
            declaredValueRate: minorUnitsToDecimalString(tariff.declaredValueRateBp, 2),
            parcelSurcharge: minorUnitsToDecimalString(tariff.parcelSurcharge, 2),
          }
        }
      />
    </>
  );
}
