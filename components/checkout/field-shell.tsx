// Label, control and error message of one checkout input, wired for screen readers: the error
// is announced with the field (aria-describedby) and the label names the control (getByLabel).

export const errorId = (inputId: string) => `${inputId}-error`;

export function FieldError({ inputId, message }: { inputId: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={errorId(inputId)} className="mt-1.5 text-sm text-red-600">
      {message}
    </p>
  );
}

export function FieldShell({
  inputId,
  label,
  required,
  optionalText,
  error,
  hint,
  className,
  children,
}: {
  inputId: string;
  label: string;
  required: boolean;
  optionalText: string;
  error: string | undefined;
  hint?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1.5 flex items-baseline gap-1 text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-500">
            *
          </span>
        ) : (
          <span className="text-xs font-normal text-slate-500">({optionalText})</span>
        )}
      </label>
      {children}
      {hint && !error ? <p className="mt-1.5 text-xs text-slate-500">{hint}</p> : null}
      <FieldError inputId={inputId} message={error} />
    </div>
  );
}
