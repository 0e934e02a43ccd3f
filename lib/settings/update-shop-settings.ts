// Changes some shop settings: validated as a whole, written in one transaction with an audit
// row naming who changed what from what.
import type { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { clearShopSettingsCache, getShopSettings } from "./get-shop-settings";
import { settingRowKey, ZShopSettings, type TShopSettingKey, type TShopSettings } from "./shop-settings";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZShopSettingsPatch = ZShopSettings.partial().strict();
export type TShopSettingsPatch = z.input<typeof ZShopSettingsPatch>;

export async function updateShopSettings(patch: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<TShopSettings> {
  assertSectionActor(actor, "settings");
  const parsed = ZShopSettingsPatch.safeParse(patch);
  if (!parsed.success) throw new AppError("VALIDATION", "Some settings are invalid", { fieldErrors: zodFieldErrors(parsed.error) });

  const before = await getShopSettings({ fresh: true });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(parsed.data) as [TShopSettingKey, unknown][]) {
    if (value === undefined || JSON.stringify(before[field]) === JSON.stringify(value)) continue;
    changes[field] = { from: before[field], to: value };
  }
  if (Object.keys(changes).length === 0) return before;

  await db.$transaction(async (tx) => {
    for (const [field, change] of Object.entries(changes)) {
      const key = settingRowKey(field as TShopSettingKey);
      const value = change.to as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } });
    }
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "settings.update", entity: { type: "Setting", id: "shop" }, data: changes, ip: context.ip });
  });
  clearShopSettingsCache();
  return getShopSettings({ fresh: true });
}
