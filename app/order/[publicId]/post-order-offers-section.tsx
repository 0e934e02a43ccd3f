// The one-click offers of a page the shopper reaches right after ordering (thank you, check your
// email): loaded on the server, shown by PostOrderOffers, taken through takeUpsellOfferAction.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { PostOrderOffers } from "@/components/checkout/post-order-offers";
import { isBotUserAgent } from "@/lib/affiliates/bot-filter";
import type { Locale } from "@/lib/i18n/locales";
import { getPostOrderOffers } from "@/lib/marketing/upsells/get-post-order-offers";
import { takeUpsellOfferAction } from "./actions";

export async function PostOrderOffersSection({ publicId }: { publicId: string }) {
  const [locale, requestHeaders] = await Promise.all([getLocale(), headers()]);
  // An offer counts as shown (and gets its key) for a visit, not for a prefetch or a bot (a mail
  // scanner following the order link of a mail). The page is also rendered by the checkout's own
  // redirect (a Server Action's response), which is a person's visit without navigation headers.
  const purpose = `${requestHeaders.get("sec-purpose") ?? ""} ${requestHeaders.get("purpose") ?? ""}`.toLowerCase();
  const record = !purpose.includes("prefetch") && !purpose.includes("preview") && !isBotUserAgent(requestHeaders.get("user-agent"));
  const offers = await getPostOrderOffers(publicId, { locale: locale as Locale, record });
  return <PostOrderOffers publicId={publicId} offers={offers} action={takeUpsellOfferAction} />;
}
