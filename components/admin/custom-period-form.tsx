// The "from … to …" form of the period pickers (dashboard, clicks report): a GET form, so the
import Link from "next/link";
// chosen period lives in the URL.
export function CustomPeriodForm(props: {
  action: string;
  period: { kind: string; fromDay: string; toDay: string };
  /** Other query parameters the page keeps (e.g. the report's grouping). */
  keep?: Record<string, string>;
  labels: { from: string; to: string; show: string; form: string };
}) {
  const { action, period, keep = {}, labels } = props;
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-2" aria-label={labels.form}>
      <input type="hidden" name="period" value="custom" />
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="flex items-center gap-1.5 text-sm text-slate-500">
        {labels.from}
        <input type="date" name="from" defaultValue={period.fromDay} className="input h-8 w-36 py-0" required />
      </label>
      <label className="flex items-center gap-1.5 text-sm text-slate-500">
        {labels.to}
        <input type="date" name="to" defaultValue={period.toDay} className="input h-8 w-36 py-0" required />
      </label>
      <button type="submit" className={`h-8 py-0 ${period.kind === "custom" ? "btn" : "btn-secondary"}`}>
        {labels.show}
      </button>
    </form>
  );
}

/** Says which period parameters of the URL were ignored. */
export function InvalidPeriodNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {message}
    </p>
  );
}

/** The preset periods (today, 7 days, …) as links; the current one is highlighted. */
export function PeriodPresetNav(props: { label: string; current: string; items: { preset: string; href: string; text: string }[] }) {
  return (
    <nav aria-label={props.label} className="flex flex-wrap items-center gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
      {props.items.map(({ preset, href, text }) => (
        <Link
          key={preset}
          href={href}
          aria-current={props.current === preset ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${props.current === preset ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {text}
        </Link>
      ))}
    </nav>
  );
}
