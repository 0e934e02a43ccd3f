// A labelled form control with its error underneath, wired for screen readers.
export function Field({ label, name, error, hint, children }: { label: string; name: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`settings-${name}`} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <span className="text-xs text-slate-500">{hint}</span> : null}
      {error ? (
        <span id={`settings-${name}-error`} className="text-xs text-red-700" data-testid={`error-${name}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** id and aria attributes of the control inside a Field. */
export const controlProps = (name: string, error?: string) => ({
  id: `settings-${name}`,
  name,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `settings-${name}-error` : undefined,
});
