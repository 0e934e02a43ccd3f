"use client";
// The deal history report's chart: per stage, the deals of the period that reached it (the
// funnel) beside those that entered it during the period. Plain numbers and strings only.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DealFunnelPoint {
  stage: string;
  reached: number;
  entered: number;
}

export function DealFunnelChart({ data, labels }: { data: DealFunnelPoint[]; labels: { reached: string; entered: string } }) {
  return (
    <div className="h-64 min-h-64 w-full" data-testid="deal-funnel-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={2} barCategoryGap="20%">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="stage" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={{ fontSize: 12, fill: "#64748b" }} interval={0} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} width={48} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ borderRadius: 8, borderColor: "#e2e8f0", fontSize: 13 }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 13 }} itemSorter={(item) => (item.dataKey === "reached" ? 0 : 1)} />
          <Bar dataKey="reached" name={labels.reached} fill="#2563eb" radius={[3, 3, 0, 0]} maxBarSize={36} />
          <Bar dataKey="entered" name={labels.entered} fill="#93c5fd" radius={[3, 3, 0, 0]} maxBarSize={36} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
