// The owner's partner list: who, since when, recruited by whom, email confirmed or not, and the
// status moves the row allows.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PartnerListRow } from "@/lib/affiliates/list-partners";
import { PartnerStatusBadge } from "./partner-status-badge";
import { PartnerStatusButton } from "./partner-status-button";
import type { ActionState } from "@/lib/forms/action-state";

interface Props {
  rows: PartnerListRow[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

export async function PartnersTable({ rows, action }: Props) {
  const [t, format] = await Promise.all([getTranslations("adminPartners"), getFormatter()]);
  if (rows.length === 0) return <p className="p-6 text-sm text-slate-500">{t("empty")}</p>;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="overflow-x-auto">
      <table className="table" data-testid="partners-table">
        <thead>
          <tr>
            <th>{t("columns.login")}</th>
            <th>{t("columns.name")}</th>
            <th>{t("columns.email")}</th>
            <th>{t("columns.status")}</th>
            <th>{t("columns.parent")}</th>
            <th>{t("columns.registered")}</th>
            <th>{t("columns.emailConfirmed")}</th>
            <th>{t("columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="partner-row" data-login={row.login}>
              <td className="font-mono">
                <Link href={`/admin/partners/${row.id}`} className="text-brand-700 hover:underline">
                  {row.login}
                </Link>
              </td>
              <td>
                <div>{row.name}</div>
                {row.contact ? <div className="text-xs text-slate-500">{row.contact}</div> : null}
              </td>
              <td className="break-all">{row.email}</td>
              <td>
                <PartnerStatusBadge status={row.status} />
              </td>
              <td className="font-mono">{row.parentLogin ?? "—"}</td>
              <td className="whitespace-nowrap">{date(row.registeredAt)}</td>
              <td className="whitespace-nowrap" data-testid="partner-email-confirmed">
                {row.emailVerifiedAt ? date(row.emailVerifiedAt) : t("notConfirmed")}
              </td>
              <td>
                <div className="flex flex-wrap gap-2">
                  {row.status === "PENDING" ? <PartnerStatusButton action={action} partnerId={row.id} partnerAction="approve" label={t("approve")} /> : null}
                  {row.status !== "BANNED" ? (
                    <PartnerStatusButton action={action} partnerId={row.id} partnerAction="ban" label={t("ban")} confirmText={t("banConfirm", { login: row.login })} />
                  ) : (
                    <PartnerStatusButton action={action} partnerId={row.id} partnerAction="unban" label={t("unban")} />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
