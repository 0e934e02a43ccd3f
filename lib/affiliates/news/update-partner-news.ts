// Edits a news item's text; its publication state stays as it is (published news changes in
// place, without moving up the partners' list).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertNewsStaff, parseNewsId, parseNewsInput, type TNewsStaffActor } from "./partner-news-rules";

export async function updatePartnerNews(id: unknown, input: unknown, actor: TNewsStaffActor): Promise<void> {
  assertNewsStaff(actor);
  const newsId = parseNewsId(id);
  const data = parseNewsInput(input);
  const { count } = await db.partnerNews.updateMany({ where: { id: newsId }, data });
  if (count === 0) throw new AppError("NOT_FOUND", "News not found");
}
