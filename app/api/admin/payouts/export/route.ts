// GET /api/admin/payouts/export?status=REQUESTED — the payouts of a status (all without one) as a
// CSV download for staff of the payouts section. An unknown status answers 422.
import { type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { exportPayoutsCsv, PAYOUT_CSV_COLUMNS } from "@/lib/affiliates/payouts/export-payouts-csv";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { csvDownload, handle } from "@/lib/http";
import { zonedDay } from "@/lib/reports/resolve-period";

const ZStatus = z.enum(PayoutStatus).optional();

export const GET = handle(async (request: NextRequest) => {
  const staff = await assertStaff(sectionRoles("payouts"));
  const status = ZStatus.safeParse(request.nextUrl.searchParams.get("status") || undefined);
  if (!status.success) throw new AppError("VALIDATION", "Unknown payout status", { fieldErrors: { status: ["affiliatePayouts.errors.invalid"] } });
  const t = await getTranslations("adminPayouts.csv");
  const headers = Object.fromEntries(PAYOUT_CSV_COLUMNS.map((column) => [column, t(column)])) as Record<(typeof PAYOUT_CSV_COLUMNS)[number], string>;
  const csv = await exportPayoutsCsv({ status: status.data }, { id: staff.id, role: staff.role }, headers);
  return csvDownload(csv, `payouts-${zonedDay(new Date())}.csv`);
});
