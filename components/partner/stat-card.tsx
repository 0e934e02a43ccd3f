// One headline number of the cabinet, with its raw value in data attributes for tests and scripts.
export function StatCard(props: { label: string; value: string; raw: number | null; hint?: string; testId: string; data?: Record<`data-${string}`, number>; children?: React.ReactNode }) {
  const { label, value, raw, hint, testId, data, children } = props;
  return (
    <div className="card" data-testid={testId} data-value={raw ?? ""} {...data}>
      <div className="text-sm font-medium text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{value}</div>
      {children ? <div className="mt-0.5 text-sm text-slate-600">{children}</div> : null}
      {hint ? <div className="mt-1 text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}
