// Mailings: every mailing with its status and statistics (recipients, sent, failed, unsubscribed),
// newest first. MANAGER and OWNER.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { primaryButton } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { listMailings } from "@/lib/marketing/mailings/list-mailings";

export default async function MailingsPage() {
  const staff = await requireStaffPage(sectionRoles("mailings"), "/admin/mailings");
  const [t, format, mailings] = await Promise.all([getTranslations("mailings"), getFormatter(), listMailings({ id: staff.id, role: staff.role })]);
  return (
    <>
      <PageHeader title={t("title")}>
        <Link href="/admin/mailings/new" className={primaryButton} data-testid="mailing-new">
          {t("new")}
        </Link>
      </PageHeader>
      {mailings.length === 0 ? (
        <p className="card text-slate-600">{t("empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table" data-testid="mailings-table">
            <thead>
              <tr>
                <th>{t("columns.name")}</th>
                <th>{t("columns.status")}</th>
                <th className="text-right">{t("columns.recipients")}</th>
                <th className="text-right">{t("columns.sent")}</th>
                <th className="text-right">{t("columns.failed")}</th>
                <th className="text-right">{t("columns.unsubscribed")}</th>
                <th>{t("columns.created")}</th>
              </tr>
            </thead>
            <tbody>
              {mailings.map((mailing) => (
                <tr key={mailing.id}>
                  <td>
                    <Link href={`/admin/mailings/${mailing.id}`} className="font-medium text-brand-700 hover:underline">
                      {mailing.name}
                    </Link>
                  </td>
                  <td>{t(`progress.status.${mailing.status}`)}</td>
                  <td className="text-right tabular-nums">{mailing.recipientsCount}</td>
                  <td className="text-right tabular-nums">{mailing.sentCount}</td>
                  <td className="text-right tabular-nums">{mailing.failedCount}</td>
                  <td className="text-right tabular-nums">{mailing.unsubscribedCount}</td>
                  <td className="whitespace-nowrap">{format.dateTime(mailing.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Moscow" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
