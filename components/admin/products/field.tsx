// Small layout pieces of the product editor: a labelled control with its error, a section card.
export function FieldError({ message, id }: { message?: string; id?: string }) {
  return message ? (
    <span id={id} role="alert" className="text-xs font-normal text-red-700">
      {message}
    </span>
  ) : null;
}

export function Labelled({ label, error, hint, className = "", children }: { label: string; error?: string; hint?: string; className?: string; children: React.ReactNode }) {
  return (
    <label className={`flex flex-col gap-1 text-xs font-medium text-slate-600 ${className}`}>
      {label}
      {children}
      {hint ? <span className="font-normal text-slate-500">{hint}</span> : null}
      <FieldError message={error} />
    </label>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="mb-4 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
