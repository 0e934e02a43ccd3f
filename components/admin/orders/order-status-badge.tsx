import type { OrderStatus } from "@/lib/db/generated/enums";

// One colour per stage, so a column of statuses reads at a glance: waiting (amber), in progress
// (blue shades), money in (green), dead ends (grey/red).
const STATUS_STYLES: Record<OrderStatus, string> = {
  UNCONFIRMED: "bg-amber-50 text-amber-800 ring-amber-600/20",
  CONFIRMED: "bg-sky-50 text-sky-800 ring-sky-600/20",
  SHIPPED: "bg-indigo-50 text-indigo-800 ring-indigo-600/20",
  DELIVERED: "bg-violet-50 text-violet-800 ring-violet-600/20",
  HANDED: "bg-teal-50 text-teal-800 ring-teal-600/20",
  PAID: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  CANCELLED: "bg-slate-100 text-slate-600 ring-slate-500/20",
  RETURNED: "bg-rose-50 text-rose-800 ring-rose-600/20",
  DUPLICATE: "bg-slate-100 text-slate-600 ring-slate-500/20",
  SPAM: "bg-red-50 text-red-700 ring-red-600/20",
};

export function OrderStatusBadge({ status, label }: { status: OrderStatus; label: string }) {
  return (
    <span data-status={status} className={`status-badge ${STATUS_STYLES[status]}`}>
      {label}
    </span>
  );
}
