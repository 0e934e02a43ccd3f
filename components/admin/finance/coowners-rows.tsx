"use client";
// Finance → Co-owners' table body (coowners-table.tsx), from text the server has formatted. A
// year is hundreds of product lines: as a server component each cell went out twice, as HTML and
// as an element in the RSC payload; as a client component the payload carries only each total's
// lines as one text (the HTML is the same). Cell styles are set once on the body, not on every cell.
import { decodeLines } from "./coowner-lines-text";

// The product lines' look is the body's default (they are most rows); a total row overrides it.
// Money cells right-aligned, the currency cell (the first td) left; a total's share in bold.
const BODY =
  "divide-y divide-slate-100 text-xs text-slate-500 [&_td]:px-3 [&_td]:py-1 [&_td]:text-right [&_td]:tabular-nums [&_td:first-of-type]:text-left [&_th]:py-1 [&_th]:pr-3 [&_th]:pl-9 [&_th]:text-left [&_th]:font-normal";
const TOTAL_ROW = "text-sm text-slate-900 [&>*]:py-2! [&>th]:px-5! [&>th]:font-medium! [&>th]:text-slate-800 [&>td:last-child]:font-semibold";

export interface CoOwnerTotalRow {
  /** Month, co-owner and currency: unique among the totals. */
  key: string;
  month: string;
  coOwnerName: string;
  label: string;
  currency: string;
  amounts: string[];
  /** The product lines (coowner-lines-text.ts), each: product id (the row's key), label, formatted amounts. */
  lines: string;
}

export function CoOwnersRows({ totals }: { totals: CoOwnerTotalRow[] }) {
  return (
    <tbody className={BODY}>
      {totals.map((total) => [
        <tr key={total.key} className={TOTAL_ROW} data-testid="coowner-total" data-month={total.month} data-coowner={total.coOwnerName}>
          <th scope="row">{total.label}</th>
          <td>{total.currency}</td>
          {total.amounts.map((amount, index) => (
            <td key={index}>{amount}</td>
          ))}
        </tr>,
        ...decodeLines(total.lines).map(([productId, label, ...amounts]) => (
          <tr key={`${total.key}-${productId}`}>
            <th scope="row">{label}</th>
            <td />
            {amounts.map((amount, index) => (
              <td key={index}>{amount}</td>
            ))}
          </tr>
        )),
      ])}
    </tbody>
  );
}
