// The order-confirmation link's page (/order/confirm/<token>). Mail scanners and link previews
// fetch links before the customer does, so a GET only confirms when it looks like a person's
// browser navigation (Sec-Fetch headers, not a prefetch); anything else sees the order and a
// "Confirm order" button. Either way an expired or forged token changes nothing.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { cache } from "react";
import { ConfirmOrderForm } from "@/components/checkout/confirm-order-form";
import { ConfirmResult } from "@/components/checkout/confirm-result";
import { OrderSummaryCard } from "@/components/checkout/order-summary-card";
import { ShopShell } from "@/components/checkout/shop-shell";
import { peekOrderByConfirmToken } from "@/lib/checkout/get-public-order";
import { confirmOrderByToken } from "@/lib/orders/confirm-order-by-token";
import { confirmOrderAction } from "./actions";
import { toConfirmView } from "./to-confirm-view";
import { isPersonNavigating } from "@/lib/is-person-navigating";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orderPages.confirm");
  return { title: t("metaTitle") };
}

// Once per request: a second call would report the first one's work as "already confirmed".
const confirmOnce = cache((token: string) => confirmOrderByToken(token));

export default async function ConfirmOrderPage({ params }: Props) {
  const { token } = await params;
  const requestHeaders = await headers();

  if (isPersonNavigating(requestHeaders)) {
    const view = toConfirmView(await confirmOnce(token));
    return (
      <ShopShell width="narrow">
        <ConfirmResult view={view} />
      </ShopShell>
    );
  }

  const peek = await peekOrderByConfirmToken(token);
  return (
    <ShopShell width="narrow">
      {!peek ? (
        <ConfirmResult view={{ result: "INVALID", order: null }} />
      ) : peek.expired ? (
        <ConfirmResult view={{ result: "EXPIRED", order: null }} />
      ) : (
        <ConfirmOrderForm token={token} orderNumber={peek.order.number} action={confirmOrderAction}>
          <OrderSummaryCard order={peek.order} />
        </ConfirmOrderForm>
      )}
    </ShopShell>
  );
}
