"use server";

// The thank-you page's one-click offer. Public on purpose, like the page: the order's random
// publicId and the offer's key (a view of this order's offer) are the authorisation, and
// takeUpsellOffer checks that the key belongs to the order.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { clientIpFrom } from "@/lib/client-ip";
import { takeUpsellOffer } from "@/lib/marketing/upsells/take-upsell-offer";

export async function takeUpsellOfferAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const publicId = String(formData.get("publicId") ?? "").slice(0, 100);
  const viewId = String(formData.get("viewId") ?? "").slice(0, 100);
  try {
    const result = await takeUpsellOffer({ publicId, viewId }, { ip: clientIpFrom(await headers()) });
    // The offer is on the thank-you page and on "check your email": both show the new total.
    revalidatePath(`/order/${result.order.publicId}`);
    revalidatePath(`/order/${result.order.publicId}/check-email`);
    const t = await getTranslations("upsellOffer");
    return { status: "success", message: result.outcome === "ADDED" ? t("added") : t("alreadyAdded") };
  } catch (error) {
    return actionError(error, { namespace: "upsellErrors", fieldOf: () => "offer", log: "upsell offer" });
  }
}
