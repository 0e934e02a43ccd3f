// The editor's list (drafts and published, newest first) and one item to edit. Dates go out as
// ISO strings: rows may be handed to client components.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseNewsId } from "./partner-news-rules";

export interface PartnerNewsRow {
  id: string;
  title: string;
  body: string;
  isPublished: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const select = { id: true, title: true, body: true, isPublished: true, publishedAt: true, createdAt: true, updatedAt: true } as const;

function toRow(news: { id: string; title: string; body: string; isPublished: boolean; publishedAt: Date | null; createdAt: Date; updatedAt: Date }): PartnerNewsRow {
  return { ...news, publishedAt: news.publishedAt?.toISOString() ?? null, createdAt: news.createdAt.toISOString(), updatedAt: news.updatedAt.toISOString() };
}

export async function listPartnerNews(actor: TSectionActor, options: { take?: number } = {}): Promise<PartnerNewsRow[]> {
  assertSectionActor(actor, "partners");
  const rows = await db.partnerNews.findMany({ select, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: Math.min(options.take ?? 200, 500) });
  return rows.map(toRow);
}

export async function getPartnerNewsOrThrow(id: unknown, actor: TSectionActor): Promise<PartnerNewsRow> {
  assertSectionActor(actor, "partners");
  const news = await db.partnerNews.findUnique({ where: { id: parseNewsId(id) }, select });
  if (!news) throw new AppError("NOT_FOUND", "News not found");
  return toRow(news);
}
