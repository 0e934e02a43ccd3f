// Settings of parcel tracking (Setting rows `logistics.tracking.<field>`): on/off, the Russian
// Post login and password (Settings win over RUSSIAN_POST_LOGIN / RUSSIAN_POST_PASSWORD), the
// daily request quota (single access allows 100 a day) and how often a parcel is asked about.
// The password is read only by the server: the settings page learns whether one is set, never it.
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const TRACKING_SETTING_PREFIX = "logistics.tracking.";

export const ZTrackingSettings = z.object({
  enabled: z.boolean(),
  login: z.string().trim().max(200, { error: "logistics.settings.errors.tooLong" }),
  password: z.string().max(200, { error: "logistics.settings.errors.tooLong" }),
  dailyQuota: z
    .number({ error: "logistics.settings.errors.quota" })
    .int({ error: "logistics.settings.errors.quota" })
    .min(1, { error: "logistics.settings.errors.quota" })
    .max(1_000_000, { error: "logistics.settings.errors.quota" }),
  checkIntervalHours: z
    .number({ error: "logistics.settings.errors.interval" })
    .int({ error: "logistics.settings.errors.interval" })
    .min(1, { error: "logistics.settings.errors.interval" })
    .max(168, { error: "logistics.settings.errors.interval" }),
});
export type TTrackingSettings = z.output<typeof ZTrackingSettings>;

export const TRACKING_SETTING_DEFAULTS: TTrackingSettings = { enabled: true, login: "", password: "", dailyQuota: 100, checkIntervalHours: 6 };

/** The settings with the secret, for the server (the poller). */
export async function getTrackingSettings(): Promise<TTrackingSettings & { url: string }> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: TRACKING_SETTING_PREFIX } }, select: { key: true, value: true } });
  const settings: Record<string, unknown> = { ...TRACKING_SETTING_DEFAULTS };
  for (const row of rows) {
    const field = row.key.slice(TRACKING_SETTING_PREFIX.length) as keyof TTrackingSettings;
    const schema = ZTrackingSettings.shape[field];
    const parsed = schema?.safeParse(row.value);
    if (parsed?.success) settings[field] = parsed.data;
  }
  const env = getEnv();
  const parsed = ZTrackingSettings.parse(settings);
  return { ...parsed, login: parsed.login || env.RUSSIAN_POST_LOGIN || "", password: parsed.password || env.RUSSIAN_POST_PASSWORD || "", url: env.RUSSIAN_POST_TRACKING_URL };
}

/** What the settings page may show: everything but the password, and where the credentials come from. */
export async function getTrackingSettingsView() {
  const [settings, storedPassword] = await Promise.all([getTrackingSettings(), db.setting.findUnique({ where: { key: `${TRACKING_SETTING_PREFIX}password` }, select: { key: true } })]);
  const { password, url: _url, ...visible } = settings;
  return { ...visible, hasPassword: password !== "", passwordFromEnv: password !== "" && !storedPassword };
}
