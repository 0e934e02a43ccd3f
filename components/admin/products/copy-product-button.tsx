"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  productId: string;
  productName: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

/** Copies the product; on success the server opens the copy's editor. */
export function CopyProductButton({ productId, productName, action }: Props) {
  const t = useTranslations("products.list");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="productId" value={productId} />
      <button
        type="submit"
        className={secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")}
        disabled={pending}
        aria-label={t("copyLabel", { name: productName })}
        data-testid="copy-product"
      >
        {t("copy")}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
