// Reads the shop's sender and bank details (lib/settings/shop-requisites.ts), or null while they
// were never saved. A stored value that no longer validates counts as not set (and is logged):
// a form must never print a half-valid account.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { SHOP_REQUISITES_KEY, ZShopRequisites, type TShopRequisites } from "./shop-requisites";

export async function getShopRequisites(): Promise<TShopRequisites | null> {
  const row = await db.setting.findUnique({ where: { key: SHOP_REQUISITES_KEY }, select: { value: true } });
  if (!row) return null;
  const parsed = ZShopRequisites.safeParse(row.value);
  if (parsed.success) return parsed.data;
  logger.warn({ setting: SHOP_REQUISITES_KEY, issues: parsed.error.issues }, "ignoring invalid stored shop requisites");
  return null;
}
