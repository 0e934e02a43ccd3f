// The thank-you page: "Your order is accepted", with the order and what happens next.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrderSummaryCard } from "@/components/checkout/order-summary-card";
import { ShopShell } from "@/components/checkout/shop-shell";
import { StatusIcon } from "@/components/checkout/status-icon";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { isStripeEnabled } from "@/lib/env";
import { loadPublicOrder } from "../load-public-order";
import { PostOrderOffersSection } from "./post-order-offers-section";

type Props = { params: Promise<{ publicId: string }>; searchParams: Promise<{ paid?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orderPages.thankYou");
  return { title: t("metaTitle") };
}

/** What the shopper can expect next, by where the order is now. */
function nextStepKey(status: OrderStatus, paymentPending: boolean) {
  if (paymentPending) return "paymentPending";
  switch (status) {
    case "UNCONFIRMED":
      return "unconfirmed";
    case "CONFIRMED":
      return "confirmed";
    case "SHIPPED":
    case "DELIVERED":
      return "onTheWay";
    case "HANDED":
    case "PAID":
      return "done";
    default:
      return "closed";
  }
}

export default async function ThankYouPage({ params, searchParams }: Props) {
  const { publicId } = await params;
  const order = await loadPublicOrder(publicId);
  const [t, tPay, { paid }] = await Promise.all([getTranslations("orderPages.thankYou"), getTranslations("payments.orderPage"), searchParams]);
  const closed = ["CANCELLED", "RETURNED", "SPAM"].includes(order.status);
  // Back from Stripe (?paid=1) the webhook may not have landed yet: say so instead of offering to pay again.
  const returnedFromStripe = paid === "1" && order.paymentStatus === "PENDING";
  const canPay =
    order.paymentMethod === "PREPAID" && order.status === "UNCONFIRMED" && ["UNPAID", "PENDING", "FAILED"].includes(order.paymentStatus) && !returnedFromStripe && isStripeEnabled();
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col gap-8">
        <div className="flex flex-col items-center gap-4 pt-2 text-center">
          <StatusIcon kind={closed ? "warning" : "success"} />
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{closed ? t("closedTitle") : t("title")}</h1>
          <p className="max-w-lg text-slate-600">
            {order.customerFirstName ? t("lead", { name: order.customerFirstName, number: order.number }) : t("leadNoName", { number: order.number })}
          </p>
          {canPay && order.paymentStatus === "FAILED" ? null : (
            <p className="max-w-lg text-sm text-slate-500">{t(`next.${nextStepKey(order.status, order.paymentMethod === "PREPAID" && order.paymentStatus !== "PAID")}`)}</p>
          )}
          {returnedFromStripe ? <p className="max-w-lg text-sm text-slate-700">{tPay("processing")}</p> : null}
          {canPay && order.paymentStatus === "FAILED" ? <p className="max-w-lg text-sm text-red-700">{tPay("failed")}</p> : null}
          {canPay ? (
            // A plain link, not next/link: prefetching it would start a Stripe session nobody asked for.
            <a href={`/order/${order.publicId}/pay`} className="btn h-12 min-w-56 rounded-lg text-base" data-testid="pay-now">
              {tPay("payNow")}
            </a>
          ) : null}
        </div>
        <PostOrderOffersSection publicId={order.publicId} />
        <OrderSummaryCard order={order} />
      </div>
    </ShopShell>
  );
}
