// Reads the CRM segmentation settings (Setting `crm.segments`), the defaults when absent. A stored
// value that no longer validates (edited by hand, an older release) falls back to the defaults
// and is logged, so segmentation keeps running.
import { db, type DbTransaction } from "@/lib/db";
import { logger } from "@/lib/logger";
import { DEFAULT_SEGMENT_SETTINGS, SEGMENT_SETTINGS_KEY, ZCrmSegmentSettings, type TCrmSegmentSettings } from "./segment-settings";

export async function getSegmentSettings(options: { tx?: DbTransaction } = {}): Promise<TCrmSegmentSettings & { stored: boolean }> {
  const row = await (options.tx ?? db).setting.findUnique({ where: { key: SEGMENT_SETTINGS_KEY }, select: { value: true } });
  if (!row) return { ...DEFAULT_SEGMENT_SETTINGS, stored: false };
  const parsed = ZCrmSegmentSettings.safeParse(row.value);
  if (parsed.success) return { ...parsed.data, stored: true };
  logger.warn({ setting: SEGMENT_SETTINGS_KEY, issues: parsed.error.issues }, "ignoring invalid CRM segment settings; using the defaults");
  return { ...DEFAULT_SEGMENT_SETTINGS, stored: false };
}
