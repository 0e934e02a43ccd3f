// The customer card. A merged card redirects to the card that survived it.
import { CustomerCardView } from "@/components/crm/customers/customer-card";
import { customersHref } from "@/components/crm/customers/customers-url";
import { canCrm } from "@/lib/crm/crm-access";
import { decodeTimelineCursor, getCustomerTimeline } from "@/lib/crm/customers/get-customer-timeline";
import { decodeOrderCursor } from "@/lib/orders/list-orders";
import { loadCustomerPage } from "./load-customer-page";

const TIMELINE_ON_CARD = 30;

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  // A stale or edited cursor starts from the newest rather than failing the card.
  const ordersCursor = validCursor(search.orders, (value) => Boolean(decodeOrderCursor(value)));
  const timelineCursor = validCursor(search.timeline, (value) => decodeTimelineCursor(value) !== null);
  const { staff, actor, card } = await loadCustomerPage(id, { subpath: "", ability: "viewCustomers", input: { ordersCursor } });
  const timeline = await getCustomerTimeline({ customerId: card.customer.id, cursor: timelineCursor, limit: TIMELINE_ON_CARD }, actor);
  const base = `/admin/customers/${card.customer.id}`;
  const keep = { orders: ordersCursor, timeline: timelineCursor } as Record<string, string | undefined>;
  const href = (changes: Record<string, string | undefined>) =>
    customersHref(base, Object.fromEntries(Object.entries({ ...keep, ...changes }).filter((entry): entry is [string, string] => Boolean(entry[1]))));

  return (
    <CustomerCardView
      card={card}
      timeline={timeline}
      canEdit={canCrm(staff.role, "editCustomers")}
      links={{
        olderOrders: card.nextOrdersCursor ? href({ orders: card.nextOrdersCursor }) : null,
        newestOrders: ordersCursor ? href({ orders: undefined }) : null,
        olderTimeline: timeline.nextCursor ? href({ timeline: timeline.nextCursor }) : null,
        newestTimeline: timelineCursor ? href({ timeline: undefined }) : null,
      }}
    />
  );
}

function validCursor(value: string | string[] | undefined, valid: (value: string) => boolean): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || text.length > 300) return undefined;
  try {
    return valid(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
