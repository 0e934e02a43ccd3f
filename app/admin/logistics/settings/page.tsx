import { getTranslations } from "next-intl/server";
import { LogisticsNav } from "@/components/admin/logistics/logistics-nav";
import { TrackingSettingsForm } from "@/components/admin/logistics/tracking-settings-form";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { RUSSIAN_POST_CARRIER } from "@/lib/logistics/tracking/russian-post-tracking";
import { getTrackingSettingsView } from "@/lib/logistics/tracking/tracking-settings";
import { zonedDay } from "@/lib/reports/resolve-period";
import { saveTrackingSettingsAction } from "../actions";

/** Owner only: the carrier account's credentials and the request quota. */
export default async function TrackingSettingsPage() {
  await requireStaffPage(["OWNER"], "/admin/logistics/settings");
  const [t, settings, usage] = await Promise.all([
    getTranslations("logistics"),
    getTrackingSettingsView(),
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
    </>
  );
}
