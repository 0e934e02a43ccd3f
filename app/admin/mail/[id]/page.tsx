import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { getMailMessage } from "@/lib/mail/list-mail";

export default async function MailDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage(sectionRoles("mail"), `/admin/mail/${id}`);
  const t = await getTranslations("mail");
  const mail = await getMailMessage(id);
  if (!mail) notFound();
  return (
    <>
      <PageHeader title={mail.subject} />
      <dl className="card mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">{t("to")}</dt>
        <dd>{mail.toAddress}</dd>
        <dt className="text-slate-500">{t("template")}</dt>
        <dd className="font-mono text-xs">
          {mail.template} · {mail.locale}
        </dd>
        <dt className="text-slate-500">{t("status")}</dt>
        <dd>
          {t(`statuses.${mail.status}`)} {mail.error ? <span className="text-red-700">— {mail.error}</span> : null}
        </dd>
        <dt className="text-slate-500">{t("sentAt")}</dt>
        <dd>{formatDateTime(mail.sentAt)}</dd>
      </dl>
      <h2 className="mb-2 text-sm font-medium text-slate-500">{t("html")}</h2>
      {/* The stored HTML is shown sandboxed: no scripts, links open in a new tab. */}
      <iframe
        title="HTML"
        className="h-[640px] w-full rounded-lg border border-slate-200 bg-white"
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        srcDoc={mail.html.replace("<head>", '<head><base target="_blank">')}
      />
      <h2 className="mt-6 mb-2 text-sm font-medium text-slate-500">{t("text")}</h2>
      <pre className="card overflow-x-auto text-xs whitespace-pre-wrap">{mail.text}</pre>
    </>
  );
}
