// Reads the shop settings (lib/settings/shop-settings.ts) with their defaults. Checkout reads them
// on every order, so each process keeps them for a few seconds; updateShopSettings clears the
// copy of its own process, other replicas catch up within that time.
import { createTtlCache } from "@/lib/cache/ttl-cache";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { FALLBACK_SHOP_EMAIL, SHOP_SETTING_DEFAULTS, SHOP_SETTING_PREFIX, SHOP_SETTING_KEYS, ZShopSettings, type TShopSettingKey, type TShopSettings } from "./shop-settings";

const settingsCache = createTtlCache("shop-settings", 5_000, loadShopSettings);

export function getShopSettings(options: { fresh?: boolean } = {}): Promise<TShopSettings> {
  return settingsCache.get(options);
}

async function loadShopSettings(): Promise<TShopSettings> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: SHOP_SETTING_PREFIX } }, select: { key: true, value: true } });
  const stored = new Map(rows.map((row) => [row.key.slice(SHOP_SETTING_PREFIX.length), row.value]));

  const settings: Partial<Record<TShopSettingKey, unknown>> = {};
  for (const field of SHOP_SETTING_KEYS) {
    if (!stored.has(field)) continue;
    const parsed = ZShopSettings.shape[field].safeParse(stored.get(field));
    if (parsed.success) settings[field] = parsed.data;
    else logger.warn({ setting: field, issues: parsed.error.issues }, "ignoring an invalid stored shop setting; using the default");
  }
  return ZShopSettings.parse({
    ...SHOP_SETTING_DEFAULTS,
    ...settings,
    shopEmail: settings.shopEmail ?? (await ownerEmail()),
  });
}

async function ownerEmail(): Promise<string> {
  const owner = await db.user.findFirst({ where: { role: "OWNER", isActive: true }, orderBy: { createdAt: "asc" }, select: { email: true } });
  return owner?.email ?? FALLBACK_SHOP_EMAIL;
}

/** Forget the cached copy (after an update, and in tests). */
export function clearShopSettingsCache() {
  settingsCache.clear();
}
