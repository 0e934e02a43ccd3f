"use client";
// Sets a co-owner's share of a product or of all products (a rule already there gets the new
// percent); the server refuses what would take a product over 100 %.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  coOwnerId: string;
  products: { id: string; label: string }[];
}

export function ShareForm({ action, coOwnerId, products }: Props) {
  const t = useTranslations("settings.coowners");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const error = state.status === "error" ? (Object.values(state.fieldErrors ?? {})[0] ?? state.message) : undefined;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="flex flex-col gap-1" noValidate data-testid="share-form">
      <input type="hidden" name="coOwnerId" value={coOwnerId} />
      <div className="flex flex-wrap items-center gap-2">
        <select name="productId" className="input h-8 w-auto py-0" aria-label={t("product")} defaultValue={typedOr(state, "productId", "")}>
          <option value="">{t("allProducts")}</option>
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.label}
            </option>
          ))}
        </select>
        <input
          name="percent"
          className="input h-8 w-24 py-0"
          inputMode="decimal"
          maxLength={8}
          aria-label={t("percent")}
          placeholder="%"
          defaultValue={typedOr(state, "percent", "")}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className={secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")} disabled={pending}>
          {t("setShare")}
        </button>
      </div>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : state.status === "success" && state.message ? (
        <span role="status" className="text-xs text-emerald-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
