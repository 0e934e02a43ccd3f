import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { panel, secondaryButton } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { PostbackLogTable } from "@/components/postbacks/postback-log-table";
import { PostbackUrlForm } from "@/components/postbacks/postback-url-form";
import { POSTBACK_MACROS } from "@/lib/affiliates/postbacks/build-postback-url";
import { listPostbackLogs, ZListPostbackLogsQuery } from "@/lib/affiliates/postbacks/list-postback-logs";
import { requirePartnerPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { clientMessages } from "@/lib/i18n/client-messages";
import { replayOwnPostbackAction, savePostbackUrlAction } from "./actions";

export default async function PartnerPostbacksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartnerPage("/partner/postbacks");
  const raw = await searchParams;
  const query = ZListPostbackLogsQuery.parse({ after: Array.isArray(raw.after) ? raw.after[0] : raw.after });
  // Every read is scoped by the session partner's id.
  const [t, format, partner, page, messages] = await Promise.all([
    getTranslations("postbacks"),
    getFormatter(),
    db.partner.findUnique({ where: { id: actor.id }, select: { postbackUrl: true } }),
    listPostbackLogs(actor.id, query),
    clientMessages(["postbacks"]),
  ]);

  return (
    <NextIntlClientProvider messages={messages}>
      <PageHeader title={t("title")} />
      <section className={`${panel} mb-6 p-5`} aria-labelledby="postback-url-title">
        <h2 id="postback-url-title" className="mb-1 text-lg font-semibold">
          {t("urlTitle")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        <PostbackUrlForm action={savePostbackUrlAction} postbackUrl={partner?.postbackUrl ?? null} />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-700">{t("macrosTitle")}</h3>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="postback-macros">
          {POSTBACK_MACROS.map((macro) => (
            <div key={macro} className="contents">
              <dt className="font-mono text-xs leading-5 text-slate-900">{`{${macro}}`}</dt>
              <dd className="text-slate-600">{t(`macros.${macro}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="postback-log-title">
        <h2 id="postback-log-title" className="mb-1 text-lg font-semibold">
          {t("logTitle")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("logIntro")}</p>
        <div className={`${panel} p-2`}>
          <PostbackLogTable
            rows={page.rows.map((row) => ({ ...row, createdAtText: format.dateTime(new Date(row.createdAt), { dateStyle: "medium", timeStyle: "medium" }) }))}
            replayAction={replayOwnPostbackAction}
          />
        </div>
        <div className="mt-4 flex gap-3">
          {query.after ? (
            <Link className={secondaryButton} href="/partner/postbacks">
              {t("firstPage")}
            </Link>
          ) : null}
          {page.nextAfter ? (
            <Link className={secondaryButton} href={`/partner/postbacks?after=${page.nextAfter}`} data-testid="postback-log-next">
              {t("nextPage")} →
            </Link>
          ) : null}
        </div>
      </section>
    </NextIntlClientProvider>
  );
}
