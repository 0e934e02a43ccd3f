// Edits a news item's text; its publication state stays as it is (published news changes in
// place, without moving up the partners' list).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseNewsId, parseNewsInput } from "./partner-news-rules";

export async function updatePartnerNews(id: unknown, input: unknown, actor: TSectionActor): Promise<void> {
  assertSectionActor(actor, "partners");
  const newsId = parseNewsId(id);
  const data = parseNewsInput(input);
  const { count } = await db.partnerNews.updateMany({ where: { id: newsId }, data });
  if (count === 0) throw new AppError("NOT_FOUND", "News not found");
}
