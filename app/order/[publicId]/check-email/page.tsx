// "Check your email": a COD order waits for the customer to open the emailed confirmation link.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { OrderSummaryCard } from "@/components/checkout/order-summary-card";
import { ShopShell } from "@/components/checkout/shop-shell";
import { StatusIcon } from "@/components/checkout/status-icon";
import { isConfirmedStatus } from "@/lib/orders/transitions";
import { loadPublicOrder } from "../../load-public-order";
import { PostOrderOffersSection } from "../post-order-offers-section";

type Props = { params: Promise<{ publicId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orderPages.checkEmail");
  return { title: t("metaTitle") };
}

export default async function CheckEmailPage({ params }: Props) {
  const { publicId } = await params;
  const order = await loadPublicOrder(publicId);
  // Confirmed meanwhile (the link opened in another tab): this page would only confuse now.
  if (isConfirmedStatus(order.status)) redirect(`/order/${order.publicId}`);
  const t = await getTranslations("orderPages.checkEmail");
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col gap-8">
        <div className="flex flex-col items-center gap-4 pt-2 text-center">
          <StatusIcon kind="mail" />
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
          <p className="max-w-lg text-slate-600">
            {order.maskedEmail
              ? t.rich("lead", { number: order.number, email: order.maskedEmail, strong: (chunks) => <strong className="font-semibold text-slate-900">{chunks}</strong> })
              : t("leadNoEmail", { number: order.number })}
          </p>
        </div>

        <section aria-labelledby="check-email-steps" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <h2 id="check-email-steps" className="mb-4 text-base font-semibold text-slate-900">
            {t("stepsTitle")}
          </h2>
          <ol className="flex flex-col gap-3">
            {(["step1", "step2", "step3"] as const).map((step, index) => (
              <li key={step} className="flex gap-3 text-sm text-slate-700">
                <span aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700">
                  {index + 1}
                </span>
                <span className="pt-0.5">{t(step)}</span>
              </li>
            ))}
          </ol>
          <div className="mt-5 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">
            <p className="font-medium text-slate-800">{t("resendTitle")}</p>
            <p className="mt-1">{t("resendHint", { number: order.number })}</p>
          </div>
        </section>

        <PostOrderOffersSection publicId={order.publicId} />
        <OrderSummaryCard order={order} />
      </div>
    </ShopShell>
  );
}
