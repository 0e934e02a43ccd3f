import { useTranslations } from "next-intl";
import type { PartnerStatus } from "@/lib/db/generated/enums";

const COLORS: Record<PartnerStatus, string> = {
  PENDING: "bg-amber-50 text-amber-800 ring-amber-200",
  ACTIVE: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  BANNED: "bg-red-50 text-red-800 ring-red-200",
};

export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  const t = useTranslations("adminPartners.statuses");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${COLORS[status]}`} data-testid="partner-status" data-status={status}>
      {t(status)}
    </span>
  );
}
