// A labelled input with the server's error under it, wired for screen readers: the error is
// announced with the field (aria-describedby) and the label names the control (getByLabel).
import type { InputHTMLAttributes } from "react";
import { FieldError, errorId } from "@/components/checkout/field-shell";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & { id: string; label: string; error?: string };

export function TextField({ id, label, error, ...input }: Props) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={id} className="input" {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId(id) : undefined} />
      <FieldError inputId={id} message={error} />
    </div>
  );
}
