// Publishing shows a news item to partners, dated now (so it comes first in their list);
// unpublishing hides it again and clears the date, so a later publication is dated afresh.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseNewsId } from "./partner-news-rules";

const ZPublished = z.boolean();

export async function setPartnerNewsPublished(id: unknown, published: unknown, actor: TSectionActor): Promise<void> {
  assertSectionActor(actor, "partners");
  const newsId = parseNewsId(id);
  const parsed = ZPublished.safeParse(published);
  if (!parsed.success) throw new AppError("VALIDATION", "Choose publish or unpublish", { fieldErrors: { _: ["partnerNews.errors.invalid"] } });
  // Publishing an already published item keeps its date (a double click does not reorder it).
  const where = parsed.data ? { id: newsId, isPublished: false } : { id: newsId };
  const { count } = await db.partnerNews.updateMany({ where, data: { isPublished: parsed.data, publishedAt: parsed.data ? new Date() : null } });
  if (count === 0 && !(await db.partnerNews.count({ where: { id: newsId } }))) throw new AppError("NOT_FOUND", "News not found");
}
