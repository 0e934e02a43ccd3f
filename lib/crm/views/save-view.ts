// Saves a list's current filters and sort as a named view, personal or shared. The query is
// stored in its canonical, validated form (the list's own schema). Saving a name the same owner
// already uses for that list replaces that view, so "save" twice never makes two.
import { z } from "zod";
import { ZSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canShareView, canUseViewList, VIEW_LIST_NAMES, VIEW_LISTS } from "./view-lists";

export const MAX_VIEWS_PER_OWNER = 50;

export const ZSaveViewInput = z.object({
  list: z.enum(VIEW_LIST_NAMES),
  name: z.string().trim().min(1).max(80),
  isShared: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false),
  query: z.record(z.string(), z.unknown()),
});

export interface SavedView {
  id: string;
  name: string;
  isShared: boolean;
  ownerId: string;
  ownerName: string;
  query: Record<string, string>;
}

export async function saveView(input: z.input<typeof ZSaveViewInput>, actor: TSectionActor): Promise<{ id: string }> {
  const checked = ZSectionActor.parse(actor);
  const { list, name, isShared, query } = ZSaveViewInput.parse(input);
  if (!canUseViewList(checked.role, list)) throw new AppError("FORBIDDEN", `role ${checked.role} may not use the ${list} list`);
  if (isShared && !canShareView(checked.role, list)) throw new AppError("FORBIDDEN", `role ${checked.role} may not share ${list} views`);
  const canonical = VIEW_LISTS[list].canonical(query) as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    const existing = await tx.crmSavedView.findFirst({ where: { list, ownerId: checked.id, name }, select: { id: true } });
    if (existing) return tx.crmSavedView.update({ where: { id: existing.id }, data: { isShared, query: canonical }, select: { id: true } });
    const count = await tx.crmSavedView.count({ where: { list, ownerId: checked.id } });
    if (count >= MAX_VIEWS_PER_OWNER) throw new AppError("CONFLICT", `At most ${MAX_VIEWS_PER_OWNER} views per list`);
    return tx.crmSavedView.create({ data: { list, ownerId: checked.id, name, isShared, query: canonical }, select: { id: true } });
  });
}
