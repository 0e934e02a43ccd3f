import { getTranslations } from "next-intl/server";
import { LogisticsNav } from "@/components/admin/logistics/logistics-nav";
import { TrackingImportForm } from "@/components/admin/logistics/tracking-import-form";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { trackingNumbersAction } from "../actions";

export default async function TrackingNumbersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffPage(sectionRoles("logistics"), "/admin/logistics/tracking");
  const t = await getTranslations("logistics");
  const { orders } = await searchParams;
  // The queue's selection arrives as order numbers: one line each, waiting for its tracking number.
  const numbers = (typeof orders === "string" ? orders : "")
    .split(",")
    .filter((value) => /^\d{1,9}$/.test(value))
    .slice(0, 500);
  return (
    <>
      <PageHeader title={t("title")} />
      <LogisticsNav active="tracking" isOwner={actor.role === "OWNER"} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("tracking.intro")}</p>
      <TrackingImportForm action={trackingNumbersAction} initialText={numbers.map((number) => `${number} `).join("\n")} />
    </>
  );
}
