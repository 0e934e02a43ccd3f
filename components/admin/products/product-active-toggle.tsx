"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/forms/action-state";

interface Props {
  productId: string;
  productName: string;
  isActive: boolean;
  action: (productId: string, isActive: boolean) => Promise<ActionState>;
  /** Without the visible "On/Off" word (the dense list); the switch still announces it. */
  compact?: boolean;
}

/** The on/off switch of a product's checkout page; the server's answer decides what it shows. */
export function ProductActiveToggle({ productId, productName, isActive, action, compact = false }: Props) {
  const t = useTranslations("products.list");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const state = isActive ? t("on") : t("off");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={isActive}
        aria-label={t("toggleLabel", { name: productName, state })}
        disabled={pending}
        data-testid="product-active-toggle"
        onClick={() =>
          startTransition(async () => {
            const result = await action(productId, !isActive);
            setError(result.status === "error" ? (result.message ?? null) : null);
          })
        }
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${isActive ? "bg-emerald-600" : "bg-slate-300"}`}
      >
        <span className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${isActive ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
      {compact ? null : <span className="text-xs text-slate-500">{state}</span>}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
