"use server";

// The "Confirm email" button of the confirmation page. Public on purpose: the 256-bit token in
// the form is the authorisation, exactly as it is for the emailed link itself.
import { toConfirmEmailView, type ConfirmEmailView } from "@/components/partners/confirm-email-view";
import { confirmPartnerEmail } from "@/lib/affiliates/confirm-partner-email";

export async function confirmPartnerEmailAction(_previous: ConfirmEmailView | null, formData: FormData): Promise<ConfirmEmailView> {
  const token = formData.get("token");
  if (typeof token !== "string" || token.length > 200) return "INVALID";
  return toConfirmEmailView(await confirmPartnerEmail(token));
}
