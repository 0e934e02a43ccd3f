// A news draft for partners: written unpublished, so nobody sees it until it is published.
import { db } from "@/lib/db";
import { assertNewsStaff, parseNewsInput, type TNewsStaffActor } from "./partner-news-rules";

export async function createPartnerNews(input: unknown, actor: TNewsStaffActor): Promise<{ id: string }> {
  const staff = assertNewsStaff(actor);
  const data = parseNewsInput(input);
  return db.partnerNews.create({ data: { ...data, authorId: staff.id }, select: { id: true } });
}
