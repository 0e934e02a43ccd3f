// The saved views of a list a user may open: their own and the shared ones, by name. A stored
// query that no longer validates (a filter was removed since) is left out rather than breaking
// the menu.
import { z } from "zod";
import { ZSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { SavedView } from "./save-view";
import { canUseViewList, VIEW_LIST_NAMES, VIEW_LISTS, type ViewList } from "./view-lists";

export async function listViews(list: ViewList, actor: TSectionActor): Promise<(SavedView & { mine: boolean; deletable: boolean })[]> {
  const checked = ZSectionActor.parse(actor);
  const parsedList = z.enum(VIEW_LIST_NAMES).parse(list);
  if (!canUseViewList(checked.role, parsedList)) throw new AppError("FORBIDDEN", `role ${checked.role} may not use the ${parsedList} list`);
  const rows = await db.crmSavedView.findMany({
    where: { list: parsedList, OR: [{ ownerId: checked.id }, { isShared: true }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, isShared: true, ownerId: true, query: true },
  });
  // The owners' names only when there are views: a relation select reads them in a second query
  // even for an empty list (the usual case), and every query costs a list page ~0.5 ms of CPU.
  const ownerIds = [...new Set(rows.map((row) => row.ownerId))];
  const owners = ownerIds.length ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } }) : [];
  const ownerName = new Map(owners.map((owner) => [owner.id, owner.name]));
  return rows.flatMap((row) => {
    try {
      const query = VIEW_LISTS[parsedList].canonical((row.query ?? {}) as Record<string, unknown>);
      const mine = row.ownerId === checked.id;
      return [
        {
          id: row.id,
          name: row.name,
          isShared: row.isShared,
          ownerId: row.ownerId,
          ownerName: ownerName.get(row.ownerId) ?? "",
          query,
          mine,
          deletable: mine || (row.isShared && checked.role === "OWNER"),
        },
      ];
    } catch (error) {
      logger.warn({ err: error, viewId: row.id }, "saved view no longer valid");
      return [];
    }
  });
}
