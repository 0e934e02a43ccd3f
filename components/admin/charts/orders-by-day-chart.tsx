"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface OrdersByDayPoint {
  /** `YYYY-MM-DD`, the key of the day. */
  day: string;
  /** The day as the reader writes it ("12 Mar"), formatted on the server. */
  label: string;
  orders: number;
  confirmed: number;
}

interface Props {
  data: OrdersByDayPoint[];
  labels: { orders: string; confirmed: string };
}

/** Orders and confirmed orders per day. Gets plain numbers and strings only (no Dates). */
export function OrdersByDayChart({ data, labels }: Props) {
  return (
    <div className="h-64 min-h-64 w-full flex-1" data-testid="orders-by-day-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={2} barCategoryGap="20%">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={{ fontSize: 12, fill: "#64748b" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} width={48} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ borderRadius: 8, borderColor: "#e2e8f0", fontSize: 13 }} />
          {/* In the bars' order, not by the (translated) names. */}
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 13 }} itemSorter={(item) => (item.dataKey === "orders" ? 0 : 1)} />
          <Bar dataKey="orders" name={labels.orders} fill="#93c5fd" radius={[3, 3, 0, 0]} maxBarSize={28} />
          <Bar dataKey="confirmed" name={labels.confirmed} fill="#2563eb" radius={[3, 3, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
