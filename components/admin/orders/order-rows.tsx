"use client";

import Link from "next/link";
import type { OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { withNumber } from "./number-slot";
import { OrderStatusBadge } from "./order-status-badge";

/** One row of the order table, every text already formatted by the server (locale, time zone, money). */
export interface OrderRowView {
  id: string;
  number: number;
  createdAt: string;
  customer: string;
  contact: string;
  /** The first item ("Tea × 2"), or the product when the order has no items. */
  firstItem: string;
  /** "+ 2 more", when there are more items. */
  moreItems: string | null;
  total: string;
  paymentMethod: PaymentMethod;
  status: OrderStatus;
  partner: string;
}

/** The texts every row shares, sent once rather than in each row. */
export interface OrderRowLabels {
  paymentMethods: Record<PaymentMethod, { short: string; title: string }>;
  statuses: Record<OrderStatus, string>;
  /** The order's number ("№{number}") and its checkbox's label ("Select order №{number}"), templates with NUMBER_SLOT (number-slot.ts). */
  number: string;
  selectOrder: string;
}

/**
 * The table's rows. Rendered here rather than by the server component so that 50 rows go into the
 * page's RSC payload as their texts (about 300 bytes a row; the texts made of the number are filled
 * in here) instead of as the element tree of each row (about 1.2 KB), which the server serialised,
 * parsed again for the HTML and inlined.
 */
export function OrderRows({ rows, labels, selectable }: { rows: OrderRowView[]; labels: OrderRowLabels; selectable: boolean }) {
  return rows.map((row) => {
    const href = `/admin/orders/${row.id}`;
    return (
      <tr key={row.id} data-testid="order-row" data-order-id={row.id} data-order-number={row.number}>
        {selectable ? (
          <td>
            <input type="checkbox" name="orderIds" value={row.id} aria-label={withNumber(labels.selectOrder, row.number)} />
          </td>
        ) : null}
        <td className="o-num">
          <Link href={href} prefetch={false}>
            {withNumber(labels.number, row.number)}
          </Link>
          <small>{row.createdAt}</small>
        </td>
        <td className="o-who">
          <Link href={href} prefetch={false}>
            {row.customer}
          </Link>
          <small>{row.contact}</small>
        </td>
        <td className="o-what">
          <div>{row.firstItem}</div>
          {row.moreItems ? <small>{row.moreItems}</small> : null}
        </td>
        <td className="o-sum">{row.total}</td>
        <td className="o-dim">
          <span title={labels.paymentMethods[row.paymentMethod].title}>{labels.paymentMethods[row.paymentMethod].short}</span>
        </td>
        <td>
          <OrderStatusBadge status={row.status} label={labels.statuses[row.status]} />
        </td>
        <td className="o-dim">{row.partner}</td>
      </tr>
    );
  });
}
