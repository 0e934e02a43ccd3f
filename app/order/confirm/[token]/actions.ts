"use server";

// The "Confirm order" button of the confirmation page. Public on purpose: the 256-bit token in
// the form is the authorisation, exactly as it is for the emailed link itself.
import type { TConfirmView } from "@/components/checkout/types";
import { confirmOrderByToken } from "@/lib/orders/confirm-order-by-token";
import { toConfirmView } from "./to-confirm-view";

export async function confirmOrderAction(_previous: TConfirmView | null, formData: FormData): Promise<TConfirmView> {
  const token = formData.get("token");
  if (typeof token !== "string" || token.length > 200) return { result: "INVALID", order: null };
  return toConfirmView(await confirmOrderByToken(token));
}
