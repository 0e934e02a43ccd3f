"use server";
// Server Actions of the order list. Each one: authorise, parse the form with zod, call the
// domain operation, revalidate; failures come back as localised messages, never as a 500.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { BULK_MAX_ORDERS, type BulkStatusState } from "@/components/admin/orders/bulk-status-state";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { OrderStatus } from "@/lib/db/generated/enums";
import { bulkChangeOrderStatus } from "@/lib/orders/bulk-change-order-status";
import { actionErrorState, describeReportedError } from "./action-errors";

const ZBulkStatusForm = z.object({
  orderIds: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/),
    )
    .min(1)
    .max(BULK_MAX_ORDERS),
  to: z.enum(OrderStatus),
  reason: z.string().trim().max(500).optional(),
});

export async function bulkChangeStatusAction(_state: BulkStatusState, formData: FormData): Promise<BulkStatusState> {
  try {
    const actor = await assertStaff(sectionRoles("orders"));
    const t = await getTranslations("orders");
    const input = ZBulkStatusForm.safeParse({
      orderIds: [...new Set(formData.getAll("orderIds").map(String))],
      to: formData.get("to") || undefined,
      reason: String(formData.get("reason") ?? "") || undefined,
    });
    if (!input.success) {
      const field = input.error.issues[0]?.path[0];
      const tooMany = input.error.issues.some((issue) => issue.path[0] === "orderIds" && issue.code === "too_big");
      const message =
        field === "orderIds" ? (tooMany ? t("errors.tooMany", { max: BULK_MAX_ORDERS }) : t("errors.noneSelected")) : field === "to" ? t("errors.statusRequired") : t("errors.VALIDATION");
      return { status: "error", message };
    }
    const { orderIds, to, reason } = input.data;
    // changeOrderStatus re-checks the role for every order (canRoleChangeStatus), whatever the menu offered.
    const { results } = await bulkChangeOrderStatus({ orderIds, to, actor: { type: "USER", id: actor.id, role: actor.role }, reason });
    revalidatePath("/admin/orders", "layout");
    revalidatePath("/admin");
    const failed = results.filter((result) => !result.ok);
    // The result names each order it could not move by its number (the page does not send the
    // numbers of its rows to the form for this).
    const numbers = new Map(
      failed.length
        ? (await db.order.findMany({ where: { id: { in: failed.map((result) => result.id) } }, select: { id: true, number: true } })).map((order) => [order.id, order.number])
        : [],
    );
    const failures = await Promise.all(
      failed.map(async (result) => ({ id: result.id, number: numbers.get(result.id) ?? null, error: await describeReportedError(result.code, result.error) })),
    );
    const tStatus = await getTranslations("orderStatus");
    return {
      status: failures.length === results.length ? "error" : "success",
      to,
      message: t("bulk.summary", { ok: results.length - failures.length, total: results.length, status: tStatus(to) }),
      failures,
    };
  } catch (error) {
    const state = await actionErrorState(error);
    return { status: "error", message: state.message };
  }
}
