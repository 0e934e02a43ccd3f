// The program settings commissions need (levels, hold days, defaults per level), read through the
// caller's transaction. getProgramSettings reads through the shared client: called inside an order
// transaction it would wait for a second pool connection while holding one, and a burst of orders
// holding every connection would then starve itself. Same rules as getProgramSettings: a stored
// value that does not validate falls back to the default.
import { PROGRAM_SETTING_DEFAULTS, PROGRAM_SETTING_PREFIX, type CommissionDefaultRate, ZProgramSettings } from "@/lib/affiliates/program-settings";
import type { DbTransaction } from "@/lib/db";

export interface CommissionSettings {
  levels: number;
  holdDays: number;
  /** Only the paid levels (level < levels). */
  commissionDefaults: CommissionDefaultRate[];
}

export async function loadCommissionSettings(tx: DbTransaction): Promise<CommissionSettings> {
  const rows = await tx.setting.findMany({
    where: { key: { in: [`${PROGRAM_SETTING_PREFIX}levels`, `${PROGRAM_SETTING_PREFIX}holdDays`] } },
    select: { key: true, value: true },
  });
  const stored = new Map(rows.map((row) => [row.key.slice(PROGRAM_SETTING_PREFIX.length), row.value]));
  const levels = ZProgramSettings.shape.levels.safeParse(stored.get("levels"));
  const holdDays = ZProgramSettings.shape.holdDays.safeParse(stored.get("holdDays"));
  const settings = {
    levels: levels.success ? levels.data : PROGRAM_SETTING_DEFAULTS.levels,
    holdDays: holdDays.success ? holdDays.data : PROGRAM_SETTING_DEFAULTS.holdDays,
  };
  const rates = await tx.commissionDefault.findMany({
    where: { level: { lt: settings.levels } },
    select: { level: true, kind: true, value: true, currency: true },
    orderBy: { level: "asc" },
  });
  return { ...settings, commissionDefaults: rates.map((rate) => ({ ...rate, currency: rate.currency?.trim() ?? null })) };
}
