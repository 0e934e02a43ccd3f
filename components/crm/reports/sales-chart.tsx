"use client";
// Bought-out revenue per month, this year beside the previous one. Values are major units of
// one currency, for drawing only (the table shows the exact amounts).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SalesChartPoint {
  label: string;
  current: number;
  previous: number;
}

export function SalesChart({ data, currency, locale, labels }: { data: SalesChartPoint[]; currency: string; locale: string; labels: { chart: string; current: string; previous: string } }) {
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return (
    <div className="h-64 min-h-64 w-full" role="img" aria-label={labels.chart} data-testid={`sales-chart-${currency}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={2} barCategoryGap="20%">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={{ fontSize: 12, fill: "#64748b" }} />
          <YAxis tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} width={56} tickFormatter={(value: number) => compact.format(value)} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ borderRadius: 8, borderColor: "#e2e8f0", fontSize: 13 }} formatter={(value) => money.format(Number(value))} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="previous" name={labels.previous} fill="#cbd5e1" radius={[3, 3, 0, 0]} maxBarSize={24} isAnimationActive={false} />
          <Bar dataKey="current" name={labels.current} fill="#2563eb" radius={[3, 3, 0, 0]} maxBarSize={24} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
