"use client";

// The thank-you page's one-click offers (getPostOrderOffers): each adds its product to the order
// just placed. The button sends the offer's key; pressing it twice, or again after a reload, adds
// once (the server decides), and the page re-renders with the new total.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import type { TPostOrderOffer } from "@/lib/marketing/upsells/get-post-order-offers";
import { formatMoney } from "@/lib/money/format";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PostOrderOffers({ publicId, offers, action }: { publicId: string; offers: TPostOrderOffer[]; action: Action }) {
  const t = useTranslations("upsellOffer");
  if (offers.length === 0) return null;
  return (
    <section aria-labelledby="post-order-offers-heading" className="flex flex-col gap-3">
      <h2 id="post-order-offers-heading" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {offers.map((offer) => (
        <OfferCard key={offer.upsellId} publicId={publicId} offer={offer} action={action} />
      ))}
    </section>
  );
}

function OfferCard({ publicId, offer, action }: { publicId: string; offer: TPostOrderOffer; action: Action }) {
  const t = useTranslations("upsellOffer");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const money = (amount: number) => formatMoney(amount, offer.currency, locale);
  const taken = offer.taken || state.status === "success";
  const message = state.status === "error" ? { status: "error" as const, message: state.fieldErrors?.offer ?? state.message } : state;
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-2xl bg-amber-50 p-5 ring-1 ring-amber-200 sm:flex-row sm:items-center" data-testid="upsell-offer">
      <input type="hidden" name="publicId" value={publicId} />
      <input type="hidden" name="viewId" value={offer.viewId ?? ""} />
      {offer.imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- merchant URLs on any host
        <img src={offer.imageUrl} alt="" className="h-20 w-20 shrink-0 rounded-lg object-cover" />
      ) : null}
      <div className="flex grow flex-col gap-1">
        <p className="font-semibold text-slate-900">{offer.title}</p>
        {offer.description ? <p className="text-sm text-slate-700">{offer.description}</p> : null}
        <p className="text-sm text-slate-700">
          {t("line", { name: offer.productName, quantity: offer.quantity })}{" "}
          {offer.regularPrice !== null ? <s className="text-slate-500">{money(offer.regularPrice * offer.quantity)}</s> : null}{" "}
          <span className="font-semibold text-slate-900">{money(offer.price * offer.quantity)}</span>
        </p>
        <FormMessage state={message} testId="upsell-offer-message" />
      </div>
      {taken ? (
        <p className="shrink-0 font-medium text-emerald-800" data-testid="upsell-offer-taken">
          ✓ {t("inOrder")}
        </p>
      ) : (
        <button type="submit" className="btn h-11 shrink-0 rounded-lg" disabled={pending || !offer.viewId} data-testid="upsell-offer-take">
          {pending ? t("adding") : t("button", { price: money(offer.price * offer.quantity) })}
        </button>
      )}
    </form>
  );
}
