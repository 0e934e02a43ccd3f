import { formatDistanceToNow } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { readQueueHeartbeat } from "@/lib/queue/heartbeat";

export default async function AdminHomePage() {
  await requireStaffPage(sectionRoles("home"), "/admin");
  const t = await getTranslations("home");
  const tStatus = await getTranslations("orderStatus");
  const locale = await getLocale();
  const [partners, customers, products, byStatus, heartbeat] = await Promise.all([
    db.partner.count(),
    db.customer.count({ where: { mergedIntoId: null } }),
    db.product.count({ where: { isActive: true } }),
    db.order.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }),
    readQueueHeartbeat(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="card">
          <div className="text-sm text-slate-500">{t("products")}</div>
          <div className="mt-1 text-2xl font-semibold">{products}</div>
        </div>
        <div className="card">
          <div className="text-sm text-slate-500">{t("customers")}</div>
          <div className="mt-1 text-2xl font-semibold">{customers}</div>
        </div>
        <div className="card">
          <div className="text-sm text-slate-500">{t("partners")}</div>
          <div className="mt-1 text-2xl font-semibold">{partners}</div>
        </div>
        <div className="card">
          <div className="text-sm text-slate-500">{t("worker")}</div>
          <div className="mt-1 text-sm" data-testid="worker-heartbeat">
            {heartbeat
              ? t("workerSeen", { time: formatDistanceToNow(heartbeat.ranAt, { addSuffix: true, locale: locale === "ru" ? ru : enUS }) })
              : t("workerNever")}
          </div>
        </div>
      </div>
      <section className="card mt-6 max-w-xl p-0">
        <h2 className="px-5 pt-4 text-lg font-semibold">{t("ordersByStatus")}</h2>
        <table className="table mt-2" data-testid="orders-by-status">
          <thead>
            <tr>
              <th>{t("status")}</th>
              <th className="text-right">{t("count")}</th>
            </tr>
          </thead>
          <tbody>
            {byStatus.map((row) => (
              <tr key={row.status}>
                <td>{tStatus(row.status)}</td>
                <td className="text-right tabular-nums">{row._count._all}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
