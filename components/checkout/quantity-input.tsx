"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useEarlyValue } from "./use-early-input";

/** A number input with − and + buttons big enough for a thumb. */
export function QuantityInput({
  id,
  max,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  max: number;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("checkout.quantity");
  const input = useRef<HTMLInputElement>(null);
  const clean = (text: string) => text.replace(/\D/g, "").slice(0, String(max).length);
  useEarlyValue(input, value, (element) => onChange(clean(element.value)));
  const current = Number.parseInt(value, 10);
  const step = (delta: number) => {
    const base = Number.isSafeInteger(current) ? current : 1;
    onChange(String(Math.min(max, Math.max(1, base + delta))));
  };
  return (
    <div className="flex h-11 w-36 items-stretch overflow-hidden rounded-lg border border-slate-300 bg-white shadow-sm focus-within:border-brand-600 focus-within:ring-2 focus-within:ring-brand-100 has-aria-invalid:border-red-400">
      <button type="button" className="w-11 text-lg text-slate-600 hover:bg-slate-50 disabled:text-slate-300" onClick={() => step(-1)} disabled={!(current > 1)} aria-label={t("decrease")}>
        −
      </button>
      <input
        ref={input}
        id={id}
        name="quantity"
        className="w-full min-w-0 border-x border-slate-200 text-center text-base font-medium tabular-nums focus:outline-none"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(clean(event.currentTarget.value))}
        onBlur={() => {
          if (!(current >= 1)) onChange("1");
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      <button type="button" className="w-11 text-lg text-slate-600 hover:bg-slate-50 disabled:text-slate-300" onClick={() => step(1)} disabled={current >= max} aria-label={t("increase")}>
        +
      </button>
    </div>
  );
}
