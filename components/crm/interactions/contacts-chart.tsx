"use client";
// The contacts report's chart: interactions per employee, stacked by kind. Gets plain numbers and
// strings only.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const KINDS = [
  { key: "CALL", color: "#2563eb" },
  { key: "EMAIL", color: "#8b5cf6" },
  { key: "MEETING", color: "#f59e0b" },
  { key: "NOTE", color: "#94a3b8" },
] as const;

export interface ContactsChartPoint {
  employee: string;
  CALL: number;
  EMAIL: number;
  MEETING: number;
  NOTE: number;
}

export function ContactsChart({ data, labels }: { data: ContactsChartPoint[]; labels: Record<(typeof KINDS)[number]["key"], string> }) {
  return (
    <div className="h-72 w-full" data-testid="contacts-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap="25%">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="employee" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={{ fontSize: 12, fill: "#64748b" }} interval={0} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#64748b" }} width={48} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ borderRadius: 8, borderColor: "#e2e8f0", fontSize: 13 }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 13 }} />
          {KINDS.map((kind) => (
            <Bar key={kind.key} dataKey={kind.key} name={labels[kind.key]} stackId="kinds" fill={kind.color} maxBarSize={48} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
