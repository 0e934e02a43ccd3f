// One line to put on a page: the interactions and the tasks of a customer, an order or a deal.
// The customer card, the order page and the deal card each insert theirs.
import { TasksPanel } from "@/components/crm/tasks/tasks-panel";
import { InteractionsPanel } from "./interactions-panel";

function CrmActivity({ link }: { link: { customerId: string } | { orderId: string } | { dealId: string } }) {
  return (
    <div className="flex flex-col gap-6" data-testid="crm-activity">
      <InteractionsPanel link={link} />
      <TasksPanel link={link} />
    </div>
  );
}

export function CustomerCrmPanel({ customerId }: { customerId: string }) {
  return <CrmActivity link={{ customerId }} />;
}

export function OrderCrmPanel({ orderId }: { orderId: string }) {
  return <CrmActivity link={{ orderId }} />;
}

export function DealCrmPanel({ dealId }: { dealId: string }) {
  return <CrmActivity link={{ dealId }} />;
}
