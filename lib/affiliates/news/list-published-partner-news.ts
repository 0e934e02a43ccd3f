// What partners read in the cabinet: published news only, newest publication first.
import { db } from "@/lib/db";

export interface PublishedPartnerNews {
  id: string;
  title: string;
  body: string;
  publishedAt: string;
}

export async function listPublishedPartnerNews(options: { take?: number } = {}): Promise<PublishedPartnerNews[]> {
  const rows = await db.partnerNews.findMany({
    where: { isPublished: true, publishedAt: { not: null } },
    select: { id: true, title: true, body: true, publishedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 50, 200),
  });
  return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, publishedAt: (row.publishedAt as Date).toISOString() }));
}
