// Saves the shop's sender and bank details as a whole (OWNER): validated, written with an audit
// row naming who changed which fields from what, in one transaction.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { getShopRequisites } from "./get-shop-requisites";
import { SHOP_REQUISITES_KEY, ZShopRequisites, type TShopRequisites } from "./shop-requisites";
import { recordAudit } from "@/lib/audit/record-audit";

export async function updateShopRequisites(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<TShopRequisites> {
  assertSectionActor(actor, "settings");
  const parsed = ZShopRequisites.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some requisites are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const next = parsed.data;

  const before = await getShopRequisites();
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(next) as (keyof TShopRequisites)[]) {
    if ((before?.[field] ?? "") !== next[field]) changes[field] = { from: before?.[field] ?? null, to: next[field] };
  }
  if (Object.keys(changes).length === 0) return next;

  await db.$transaction(async (tx) => {
    const value = next as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: SHOP_REQUISITES_KEY }, create: { key: SHOP_REQUISITES_KEY, value }, update: { value }, select: { key: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: "settings.requisites.update",
      entity: { type: "Setting", id: SHOP_REQUISITES_KEY },
      data: changes,
      ip: context.ip,
    });
  });
  return next;
}
