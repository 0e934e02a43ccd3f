import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format-date";
import { listMailMessages } from "@/lib/mail/list-mail";

export default async function MailListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage(sectionRoles("mail"), "/admin/mail");
  const t = await getTranslations("mail");
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const to = typeof params.to === "string" && params.to.trim() ? params.to.trim() : undefined;
  const page = await listMailMessages({ cursor, to }).catch(() => listMailMessages({ to }));
  return (
    <>
      <PageHeader title={t("title")}>
        <form className="flex gap-2" action="/admin/mail">
          <input className="input w-64" type="search" name="to" defaultValue={to} placeholder={t("to")} aria-label={t("to")} />
        </form>
      </PageHeader>
      <p className="mb-4 text-sm text-slate-500">{getEnv().SMTP_URL ? t("smtp") : t("captured")}</p>
      <div className="card overflow-x-auto p-0">
        <table className="table">
          <thead>
            <tr>
              <th>{t("createdAt")}</th>
              <th>{t("to")}</th>
              <th>{t("subject")}</th>
              <th>{t("template")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((mail) => (
              <tr key={mail.id}>
                <td className="whitespace-nowrap text-slate-500">{formatDateTime(mail.createdAt)}</td>
                <td>{mail.toAddress}</td>
                <td>
                  <Link className="text-brand-700 hover:underline" href={`/admin/mail/${mail.id}`}>
                    {mail.subject}
                  </Link>
                </td>
                <td className="font-mono text-xs">{mail.template}</td>
                <td>{t(`statuses.${mail.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.nextCursor ? (
        <div className="mt-4">
          <Link className="btn-secondary" href={`/admin/mail?cursor=${encodeURIComponent(page.nextCursor)}${to ? `&to=${encodeURIComponent(to)}` : ""}`}>
            {t("open")} →
          </Link>
        </div>
      ) : null}
    </>
  );
}
