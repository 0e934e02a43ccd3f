// The customer card as a composition of panels. Other CRM areas add their panels at the marked
// places with one line each (interactions + tasks, deals, segments), so the card stays one file
// that nobody has to rewrite.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import type { CustomerCardResult } from "@/lib/crm/customers/get-customer";
import type { TimelinePage } from "@/lib/crm/customers/get-customer-timeline";
import { CustomerOrders } from "./customer-orders";
import { CustomerProfile } from "./customer-profile";
import { CustomerTimeline } from "./customer-timeline";
import { CustomerTotals } from "./customer-totals";
import { RefusalHistoryPanel } from "./refusal-history-panel";
import { CustomerCrmPanel } from "@/components/crm/interactions/crm-activity-panels";
import { CustomerDealsPanel } from "@/components/crm/deals/customer-deals-panel";
import { CustomerSegmentPanel } from "@/components/crm/segments/customer-segment-panel";

export interface CustomerCardLinks {
  olderOrders: string | null;
  newestOrders: string | null;
  olderTimeline: string | null;
  newestTimeline: string | null;
}

export async function CustomerCardView({
  card,
  timeline,
  canEdit,
  links,
}: {
  card: Extract<CustomerCardResult, { kind: "customer" }>;
  timeline: TimelinePage;
  canEdit: boolean;
  links: CustomerCardLinks;
}) {
  const t = await getTranslations("crmCustomers");
  const { customer } = card;
  return (
    <>
      <Link href="/admin/customers" className="text-sm text-slate-500 hover:text-slate-800 print:hidden">
        ← {t("card.back")}
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="customer-name">
          {customer.name ?? t("card.noName")}
        </h1>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700" data-testid="customer-type">
          {t(`types.${customer.type}`)}
        </span>
        <ul className="flex flex-wrap gap-1" data-testid="customer-tags" aria-label={t("card.tags")}>
          {customer.tags.map((tag) => (
            <li key={tag} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">
              {tag}
            </li>
          ))}
        </ul>
        <div className="ml-auto flex gap-2 print:hidden">
          <Link href={`/admin/customers/${customer.id}/history`} className={secondaryButton} data-testid="customer-history-link">
            {t("card.history")}
          </Link>
          {canEdit ? (
            <Link href={`/admin/customers/${customer.id}/edit`} className={primaryButton} data-testid="edit-customer">
              {t("card.edit")}
            </Link>
          ) : null}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <CustomerOrders orders={card.orders} olderHref={links.olderOrders} newestHref={links.newestOrders} />
          <CustomerCrmPanel customerId={customer.id} />
          <CustomerDealsPanel customerId={customer.id} />
          <CustomerTimeline page={timeline} olderHref={links.olderTimeline} newestHref={links.newestTimeline} />
        </div>
        <aside className="flex flex-col gap-6">
          <CustomerTotals customer={customer} totals={card.totals} />
          <RefusalHistoryPanel history={card.refusals} />
          <CustomerProfile customer={customer} />
          <CustomerSegmentPanel customerId={customer.id} />
        </aside>
      </div>
    </>
  );
}
