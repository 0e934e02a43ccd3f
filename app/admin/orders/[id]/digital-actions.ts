"use server";
// The order page's "send the purchase mail again" (digital goods): staff with access to orders.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { resendPurchaseMail } from "@/lib/digital/resend-purchase-mail";
import type { ActionState } from "@/lib/forms/action-state";
import { actionErrorState } from "../action-errors";

const ZOrderId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

const MESSAGE = { SENT: "resent", NO_EMAIL: "noEmail", NOT_PAID: "notPaid", NOTHING_DIGITAL: "notDelivered" } as const;

export async function resendPurchaseMailAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("orders"));
    const orderId = ZOrderId.parse(formData.get("orderId"));
    const result = await resendPurchaseMail(orderId, actor);
    revalidatePath(`/admin/orders/${orderId}`);
    const t = await getTranslations("digitalDownload.admin");
    return { status: result === "SENT" ? "success" : "error", message: t(MESSAGE[result]) };
  } catch (error) {
    return actionErrorState(error);
  }
}
