// The thank-you page: "Your order is accepted", with the order and what happens next.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrderSummaryCard } from "@/components/checkout/order-summary-card";
import { ShopShell } from "@/components/checkout/shop-shell";
import { StatusIcon } from "@/components/checkout/status-icon";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { loadPublicOrder } from "../load-public-order";

type Props = { params: Promise<{ publicId: string }> };

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

export default async function ThankYouPage({ params }: Props) {
  const { publicId } = await params;
  const order = await loadPublicOrder(publicId);
  const t = await getTranslations("orderPages.thankYou");
  const closed = ["CANCELLED", "RETURNED", "SPAM"].includes(order.status);
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col gap-8">
        <div className="flex flex-col items-center gap-4 pt-2 text-center">
          <StatusIcon kind={closed ? "warning" : "success"} />
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{closed ? t("closedTitle") : t("title")}</h1>
          <p className="max-w-lg text-slate-600">
            {order.customerFirstName ? t("lead", { name: order.customerFirstName, number: order.number }) : t("leadNoName", { number: order.number })}
          </p>
          <p className="max-w-lg text-sm text-slate-500">{t(`next.${nextStepKey(order.status, order.paymentMethod === "PREPAID" && order.paymentStatus !== "PAID")}`)}</p>
        </div>
        <OrderSummaryCard order={order} />
      </div>
    </ShopShell>
  );
}
