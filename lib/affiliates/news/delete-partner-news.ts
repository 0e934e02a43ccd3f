import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseNewsId } from "./partner-news-rules";

export async function deletePartnerNews(id: unknown, actor: TSectionActor): Promise<void> {
  assertSectionActor(actor, "partners");
  const { count } = await db.partnerNews.deleteMany({ where: { id: parseNewsId(id) } });
  if (count === 0) throw new AppError("NOT_FOUND", "News not found");
}
