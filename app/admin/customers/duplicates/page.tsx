// "Possible duplicates": cards sharing a phone, an email, or a name in one city, a page of groups
// at a time; each group's ticked cards go to the merge page to be compared.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { DUPLICATE_KINDS, listDuplicateGroups, ZDuplicateQuery } from "@/lib/crm/merge/list-duplicate-groups";
import { MAX_MERGE_CARDS } from "@/lib/crm/merge/plan-merge";
import { formatDateTime } from "@/lib/format-date";
import { requireCrmPage } from "../../crm-page-guard";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireCrmPage("customers", "/admin/customers/duplicates", "mergeCustomers");
  const t = await getTranslations("crmMerge");
  const query = await searchParams;
  const { by, after } = ZDuplicateQuery.parse({ by: first(query.by), after: first(query.after) });
  const { groups, nextAfter } = await listDuplicateGroups({ by, after }, { id: staff.id, role: staff.role });

  return (
    <>
      <PageHeader title={t("duplicates.title")}>
        <div className="flex gap-2">
          <Link href="/admin/customers/import" className={secondaryButton}>
            {t("links.import")}
          </Link>
          <Link href="/admin/customers" className={secondaryButton}>
            {(await getTranslations("crmImport"))("back")}
          </Link>
        </div>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("duplicates.hint")}</p>
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("duplicates.title")}>
        {DUPLICATE_KINDS.map((kind) => (
          <Link
            key={kind}
            href={`/admin/customers/duplicates?by=${kind}`}
            aria-current={kind === by ? "page" : undefined}
            className={`rounded-full px-3 py-1.5 text-sm font-medium ${kind === by ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
          >
            {t(`duplicates.by.${kind}`)}
          </Link>
        ))}
      </nav>

      {groups.length === 0 ? (
        <p className={`${panel} p-5 text-sm text-slate-600`} data-testid="duplicates-empty">
          {t("duplicates.empty")}
        </p>
      ) : (
        <div className="grid gap-4">
          {groups.map((group) => (
            <form key={group.key} method="get" action="/admin/customers/merge" className={`${panel} overflow-hidden`} data-testid="duplicate-group" data-key={group.key}>
              <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <h2 className="font-semibold">
                  {group.key} <span className="text-sm font-normal text-slate-500">· {t("duplicates.cards", { count: group.size })}</span>
                </h2>
                <button type="submit" className={primaryButton} data-testid="duplicate-compare">
                  {t("duplicates.compare")}
                </button>
              </div>
              <table className="w-full text-sm">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th className="w-16 px-4 py-2 font-medium">{t("duplicates.select")}</th>
                    <th className="px-3 py-2 font-medium">{t("duplicates.name")}</th>
                    <th className="px-3 py-2 font-medium">{t("duplicates.phone")}</th>
                    <th className="px-3 py-2 font-medium">{t("duplicates.email")}</th>
                    <th className="px-3 py-2 font-medium">{t("duplicates.city")}</th>
                    <th className="px-3 py-2 text-right font-medium">{t("duplicates.orders")}</th>
                    <th className="px-3 py-2 font-medium">{t("duplicates.created")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {group.members.map((member, index) => (
                    <tr key={member.id}>
                      <td className="px-4 py-2">
                        <input type="checkbox" name="ids" value={member.id} defaultChecked={index < MAX_MERGE_CARDS} aria-label={member.name ?? member.id} />
                      </td>
                      <td className="px-3 py-2">
                        <Link href={`/admin/customers/${member.id}`} className="text-brand-700 hover:underline">
                          {member.name ?? member.legalName ?? t("duplicates.unnamed")}
                        </Link>
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">{member.phone ?? "—"}</td>
                      <td className="px-3 py-2">{member.email ?? "—"}</td>
                      <td className="px-3 py-2">{member.city ?? "—"}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{member.ordersCount}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(member.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </form>
          ))}
        </div>
      )}
      <div className="mt-4 flex gap-2">
        {after ? (
          <Link href={`/admin/customers/duplicates?by=${by}`} className={secondaryButton}>
            {t("duplicates.first")}
          </Link>
        ) : null}
        {nextAfter ? (
          <Link href={`/admin/customers/duplicates?by=${by}&after=${encodeURIComponent(nextAfter)}`} className={secondaryButton} data-testid="duplicates-next">
            {t("duplicates.next")}
          </Link>
        ) : null}
      </div>
    </>
  );
}
