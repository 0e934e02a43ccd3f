// An order's lines and totals. Amounts are formatted here, in the reader's locale, from minor
// units; nothing is computed — the totals are the order's own.
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money/format";
import { getEmailMessages } from "../messages";
import type { TOrderSummary } from "../schemas";
import { styles } from "./styles";

export function OrderSummary({ order, locale }: { order: TOrderSummary; locale: Locale }) {
  const messages = getEmailMessages(locale).order;
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const totals: Array<[string, string]> = [];
  if (order.itemsTotal !== undefined) totals.push([messages.itemsTotal, money(order.itemsTotal)]);
  if (order.discount) totals.push([messages.discount, money(-order.discount)]);
  if (order.shipping !== undefined) totals.push([messages.shipping, money(order.shipping)]);

  return (
    <table style={styles.table} cellPadding={0} cellSpacing={0} data-text-format="dataTable">
      <thead>
        <tr>
          <th style={styles.th}>{messages.item}</th>
          <th style={{ ...styles.th, ...styles.tdRight }}>{messages.quantity}</th>
          <th style={{ ...styles.th, ...styles.tdRight }}>{messages.amount}</th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item, index) => (
          <tr key={index}>
            <td style={styles.td}>
              {item.name}
              {item.options ? <span style={{ color: "#71717a" }}> ({item.options})</span> : null}
            </td>
            <td style={{ ...styles.td, ...styles.tdRight, paddingLeft: "12px" }}>{messages.quantityValue(item.quantity)}</td>
            <td style={{ ...styles.td, ...styles.tdRight, paddingLeft: "12px" }}>{money(item.amount)}</td>
          </tr>
        ))}
        {totals.map(([label, value]) => (
          <tr key={label}>
            <td style={styles.td} colSpan={2}>
              {label}
            </td>
            <td style={{ ...styles.td, ...styles.tdRight }}>{value}</td>
          </tr>
        ))}
        <tr>
          <td style={styles.totalRow} colSpan={2}>
            {messages.total}
          </td>
          <td style={{ ...styles.totalRow, ...styles.tdRight }}>{money(order.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
