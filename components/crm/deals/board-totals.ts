// The kanban's column figures on the client: a deal leaving or entering a column changes its
// count and its budget sum in the deal's currency (bigint arithmetic on decimal strings, so no
// float ever touches an amount).
import type { CurrencyTotal } from "@/lib/crm/deals/deal-filters";
import type { BoardColumn, BoardDeal } from "@/lib/crm/deals/get-deal-board";

export function addToTotals(totals: readonly CurrencyTotal[], deal: Pick<BoardDeal, "budget" | "currency">, sign: 1 | -1): CurrencyTotal[] {
  const existing = totals.find((total) => total.currency === deal.currency);
  const next = totals
    .map((total) => (total.currency === deal.currency ? { ...total, count: total.count + sign, amount: (BigInt(total.amount) + BigInt(sign) * BigInt(deal.budget)).toString() } : total))
    .filter((total) => total.count > 0);
  return existing || sign < 0 ? next : [...next, { currency: deal.currency, count: 1, amount: deal.budget }];
}

/** The columns with `dealId` taken out of its column and put into `toId` at `index` (end when past it). */
export function moveBetweenColumns(columns: readonly BoardColumn[], dealId: string, toId: string, index: number): BoardColumn[] {
  const from = columns.find((column) => column.deals.some((deal) => deal.id === dealId));
  const deal = from?.deals.find((row) => row.id === dealId);
  if (!from || !deal) return [...columns];
  return columns.map((column) => {
    let next = column;
    if (column.id === from.id) {
      next = { ...next, deals: next.deals.filter((row) => row.id !== dealId), count: next.count - 1, totals: addToTotals(next.totals, deal, -1) };
    }
    if (column.id === toId) {
      const deals = next.deals.filter((row) => row.id !== dealId);
      deals.splice(Math.max(0, Math.min(index, deals.length)), 0, deal);
      next = column.id === from.id ? { ...next, deals, count: column.count, totals: column.totals } : { ...next, deals, count: next.count + 1, totals: addToTotals(next.totals, deal, 1) };
    }
    return next;
  });
}
