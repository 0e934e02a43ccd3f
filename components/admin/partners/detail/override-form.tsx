"use client";
// Adds or replaces one of a partner's commission rates. Amounts are typed as people read them
// ("150,50", "12.5"); the server turns them into minor units or basis points and says which
// field it refused, in the staff's language.
import { useActionState } from "react";
import { control, primaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export interface OverrideFormLabels {
  title: string;
  hint: string;
  product: string;
  allProducts: string;
  level: string;
  kind: string;
  fixed: string;
  percent: string;
  value: string;
  valueHint: string;
  save: string;
}

interface Props {
  action: (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;
  partnerId: string;
  products: { id: string; name: string; currency: string }[];
  /** Levels the program pays, with what a person reads for each. */
  levels: { value: number; label: string }[];
  labels: OverrideFormLabels;
}

export function OverrideForm({ action, partnerId, products, levels, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  // React resets a form after its action; remounting on what was sent makes a refused form come
  // back with it typed in (defaultValue applies on mount), and a saved one comes back empty.
  const formKey = state.status === "error" ? JSON.stringify(values) : "form";

  const field = (name: string, label: string, input: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {input}
      {errors[name] ? (
        <span role="alert" className="text-xs text-red-700" data-testid={`override-error-${name}`}>
          {errors[name]}
        </span>
      ) : null}
    </label>
  );

  return (
    <form key={formKey} action={formAction} className="space-y-3" aria-label={labels.title} data-testid="override-form">
      <input type="hidden" name="partnerId" value={partnerId} />
      <p className="text-xs text-slate-500">{labels.hint}</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-start">
        {field(
          "productId",
          labels.product,
          <select name="productId" defaultValue={values.productId ?? ""} className={control} aria-invalid={Boolean(errors.productId)}>
            <option value="">{labels.allProducts}</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name} ({product.currency})
              </option>
            ))}
          </select>,
        )}
        {field(
          "level",
          labels.level,
          <select name="level" defaultValue={values.level ?? "0"} className={control} aria-invalid={Boolean(errors.level)}>
            {levels.map((level) => (
              <option key={level.value} value={level.value}>
                {level.label}
              </option>
            ))}
          </select>,
        )}
        {field(
          "kind",
          labels.kind,
          <select name="kind" defaultValue={values.kind ?? "PERCENT"} className={control} aria-invalid={Boolean(errors.kind)}>
            <option value="PERCENT">{labels.percent}</option>
            <option value="FIXED">{labels.fixed}</option>
          </select>,
        )}
        {field(
          "value",
          labels.value,
          <input
            name="value"
            inputMode="decimal"
            autoComplete="off"
            required
            maxLength={32}
            defaultValue={values.value ?? ""}
            placeholder="10"
            aria-invalid={Boolean(errors.value)}
            aria-describedby="override-value-hint"
            className={`${control} w-full`}
          />,
        )}
        <button type="submit" className={`${primaryButton} lg:mt-6`} disabled={pending} data-testid="override-save">
          {labels.save}
        </button>
      </div>
      <p id="override-value-hint" className="text-xs text-slate-500">
        {labels.valueHint}
      </p>
      {state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
