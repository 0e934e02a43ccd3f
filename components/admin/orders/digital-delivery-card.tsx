// The order page's digital goods: the pin codes given to the order, the download links (expiry,
// downloads used) and "send the purchase mail again". Nothing for an order without digital items.
import { getFormatter, getTranslations } from "next-intl/server";
import { getOrderDigitalDelivery } from "@/lib/digital/get-order-digital-delivery";
import type { ActionState } from "@/lib/forms/action-state";
import { ResendPurchaseForm } from "./resend-purchase-form";
import { panel } from "@/components/ui/styles";

interface Props {
  orderId: string;
  canResend: boolean;
  resendAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

export async function DigitalDeliveryCard({ orderId, canResend, resendAction }: Props) {
  const delivery = await getOrderDigitalDelivery(orderId);
  if (!delivery) return null;
  const [t, format] = await Promise.all([getTranslations("digitalDownload.admin"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className={`${panel} flex flex-col gap-3 px-5 py-4`} aria-labelledby="digital-title" data-testid="digital-delivery">
      <h2 id="digital-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      {delivery.delivered ? (
        <ul className="text-sm text-slate-600">
          {delivery.links.map((link) => (
            <li key={link.id}>{link.expired ? t("linkExpired", { date: date(link.expiresAt) }) : t("link", { date: date(link.expiresAt), used: link.useCount, limit: link.limit })}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("notDelivered")}</p>
      )}
      <div>
        <h3 className="mb-1 text-xs font-medium text-slate-600">{t("codes")}</h3>
        {delivery.codes.length ? (
          <ul className="flex flex-col gap-1 text-sm" data-testid="digital-codes">
            {delivery.codes.map((row) => (
              <li key={`${row.productName}:${row.code}`} className="flex flex-wrap gap-3">
                <code className="rounded bg-slate-100 px-1.5 font-mono">{row.code}</code>
                <span className="text-slate-500">{row.productName}</span>
                {row.assignedAt ? <span className="text-slate-500">{date(row.assignedAt)}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("noCodes")}</p>
        )}
      </div>
      {canResend ? <ResendPurchaseForm orderId={orderId} label={t("resend")} action={resendAction} /> : null}
    </section>
  );
}
