import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertNewsStaff, parseNewsId, type TNewsStaffActor } from "./partner-news-rules";

export async function deletePartnerNews(id: unknown, actor: TNewsStaffActor): Promise<void> {
  assertNewsStaff(actor);
  const { count } = await db.partnerNews.deleteMany({ where: { id: parseNewsId(id) } });
  if (count === 0) throw new AppError("NOT_FOUND", "News not found");
}
