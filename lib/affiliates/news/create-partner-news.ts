// A news draft for partners: written unpublished, so nobody sees it until it is published.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { parseNewsInput } from "./partner-news-rules";

export async function createPartnerNews(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  const staff = assertSectionActor(actor, "partners");
  const data = parseNewsInput(input);
  return db.partnerNews.create({ data: { ...data, authorId: staff.id }, select: { id: true } });
}
