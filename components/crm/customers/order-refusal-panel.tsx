// The order page's risk signal for operators: how often orders from this order's phone were
// refused (cancelled, returned, spam, blacklisted), the last few of them, and the customer's
// card. Renders nothing for a role without the CRM (LOGISTICS).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/guard";
import { canCrm } from "@/lib/crm/crm-access";
import { getOrderRefusalHistory } from "@/lib/crm/customers/get-refusal-history";
import { RefusalHistoryPanel } from "./refusal-history-panel";

export async function OrderRefusalPanel({ orderId }: { orderId: string }) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !canCrm(actor.role, "viewCustomers")) return null;
  const [t, signal] = await Promise.all([getTranslations("crmCustomers.orderRisk"), getOrderRefusalHistory(orderId, { id: actor.id, role: actor.role })]);
  if (!signal) return null;
  return (
    <RefusalHistoryPanel history={signal.history} title={t("title")}>
      {signal.phone ? null : <p className="text-sm text-slate-500">{t("noPhone")}</p>}
      <Link href={`/admin/customers/${signal.customerId}`} className="mt-2 inline-block text-sm text-brand-700 hover:underline" data-testid="order-customer-card">
        {t("customer")} →
      </Link>
    </RefusalHistoryPanel>
  );
}
