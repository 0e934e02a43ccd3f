import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel } from "@/components/ui/styles";
import { listPublishedPartnerNews } from "@/lib/affiliates/news/list-published-partner-news";
import { requirePartnerPage } from "@/lib/auth/guard";

export default async function PartnerNewsPage() {
  await requirePartnerPage("/partner/news");
  const [t, format, news] = await Promise.all([getTranslations("partnerNews"), getFormatter(), listPublishedPartnerNews()]);
  return (
    <>
      <PageHeader title={t("title")} />
      {news.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="news-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="space-y-4">
          {news.map((item) => (
            <article key={item.id} className={`${panel} p-5`} data-testid="partner-news">
              <h2 className="text-lg font-semibold">{item.title}</h2>
              <time dateTime={item.publishedAt} className="text-xs text-slate-500">
                {format.dateTime(new Date(item.publishedAt), { dateStyle: "long" })}
              </time>
              {/* Plain text as the editor wrote it: line breaks kept, nothing rendered as HTML. */}
              <p className="mt-3 text-sm whitespace-pre-line text-slate-700">{item.body}</p>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
