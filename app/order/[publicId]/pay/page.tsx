// The pay link of a prepaid order (/order/<publicId>/pay): opens the order's Stripe Checkout,
// creating the session or reusing the open one, and sends the shopper there. Public like the
// other pages after ordering: the random publicId is the only key, and nothing here can charge
// anyone — Stripe's own page asks for the card. When the payment cannot start, the shopper gets
// the reason in their language and a way to try again, never an error page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ShopShell } from "@/components/checkout/shop-shell";
import { StatusIcon } from "@/components/checkout/status-icon";
import { logger } from "@/lib/logger";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";
import { PaymentError, type PaymentErrorReason } from "@/lib/payments/payment-error";

type Props = { params: Promise<{ publicId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payments.payPage");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function PayPage({ params }: Props) {
  const { publicId } = await params;
  let url: string;
  try {
    url = (await createCheckoutSession(publicId)).url;
  } catch (error) {
    if (!(error instanceof PaymentError)) {
      logger.error({ err: error, publicId }, "starting a card payment failed");
      return <PaymentNotStarted publicId={publicId} reason="default" />;
    }
    if (error.reason === "notFound") notFound();
    return <PaymentNotStarted publicId={publicId} reason={error.reason} />;
  }
  // Outside the try: redirect() works by throwing.
  redirect(url);
}

async function PaymentNotStarted({ publicId, reason }: { publicId: string; reason: PaymentErrorReason | "default" }) {
  const t = await getTranslations("payments");
  // Retrying helps only when the cause may pass; otherwise the way out is the order page.
  const canRetry = reason === "providerError" || reason === "default";
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col items-center gap-4 pt-2 text-center" data-testid="payment-not-started" data-reason={reason}>
        <StatusIcon kind={canRetry ? "warning" : "error"} />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("payPage.title")}</h1>
        <p className="max-w-lg text-slate-600">{t(`errors.${reason}`)}</p>
        <div className="mt-2 flex flex-wrap justify-center gap-3">
          {canRetry ? (
            // A plain link, not next/link: prefetching it would start a payment nobody asked for.
            <a href={`/order/${publicId}/pay`} className="btn h-12 min-w-56 rounded-lg text-base">
              {t("payPage.retry")}
            </a>
          ) : null}
          <Link href={`/order/${publicId}`} className="btn-secondary" prefetch={false}>
            {t("payPage.back")}
          </Link>
        </div>
      </div>
    </ShopShell>
  );
}
