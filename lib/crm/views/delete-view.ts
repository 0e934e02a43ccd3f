// Deletes a saved view: one's own, or — for the shop's owner — any shared one. Someone else's
// personal view is answered NOT_FOUND (its existence is not theirs to learn).
import { z } from "zod";
import { ZSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { canUseViewList, VIEW_LIST_NAMES, type ViewList } from "./view-lists";

const ZViewId = z.string().trim().min(1).max(64);

export async function deleteView(viewId: unknown, actor: TSectionActor): Promise<void> {
  const checked = ZSectionActor.parse(actor);
  const id = ZViewId.parse(viewId);
  const view = await db.crmSavedView.findUnique({ where: { id }, select: { id: true, list: true, ownerId: true, isShared: true } });
  if (!view || (view.ownerId !== checked.id && !view.isShared)) throw notFound("Saved view");
  const list = z.enum(VIEW_LIST_NAMES).safeParse(view.list);
  if (!list.success || !canUseViewList(checked.role, list.data as ViewList)) throw new AppError("FORBIDDEN", "You may not use this list");
  if (view.ownerId !== checked.id && checked.role !== "OWNER") throw new AppError("FORBIDDEN", "Only its owner (or the shop's owner) may delete a shared view");
  await db.crmSavedView.delete({ where: { id }, select: { id: true } });
}
