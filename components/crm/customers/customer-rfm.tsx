// The customer's RFM scores, segment and ABC class as the segmentation job last found them.
import { getFormatter, getTranslations } from "next-intl/server";
import type { CustomerCard } from "@/lib/crm/customers/get-customer";

export async function CustomerRfm({ rfm, children }: { rfm: CustomerCard["rfm"]; children?: React.ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("crmCustomers.card"), getFormatter()]);
  return (
    <section className="card" aria-labelledby="customer-rfm-title" data-testid="customer-rfm">
      <h2 id="customer-rfm-title" className="mb-2 text-base font-semibold">
        {t("rfm")}
      </h2>
      {rfm.segmentedAt ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">RFM</dt>
          <dd>
            {rfm.segment ?? t("none")}
            {rfm.recency !== null ? (
              <div className="text-xs text-slate-500">{t("rfmScores", { recency: rfm.recency, frequency: rfm.frequency ?? "—", monetary: rfm.monetary ?? "—" })}</div>
            ) : null}
          </dd>
          <dt className="text-slate-500">{t("abcClass")}</dt>
          <dd data-testid="customer-abc">{rfm.abcClass ?? t("none")}</dd>
        </dl>
      ) : (
        <p className="text-sm text-slate-500">{t("notSegmented")}</p>
      )}
      {rfm.segmentedAt ? <p className="mt-2 text-xs text-slate-400">{t("segmentedAt", { date: format.dateTime(new Date(rfm.segmentedAt), { dateStyle: "medium" }) })}</p> : null}
      {children}
    </section>
  );
}
