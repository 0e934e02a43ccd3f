"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { control } from "@/components/ui/styles";

export interface EditableOrder {
  id: string;
  items: { id: string; productId: string; productName: string; quantity: number }[];
  address: Record<(typeof ADDRESS_FIELDS)[number], string>;
}

const ADDRESS_FIELDS = ["customerName", "phone", "email", "postcode", "province", "city", "street", "house", "flat"] as const;

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  order: EditableOrder;
  products: { id: string; name: string }[];
}

/** Items, quantities and the delivery address of an order that has not shipped yet. */
export function OrderEditForm({ action, order, products }: Props) {
  const t = useTranslations("orders.edit");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const error = (name: string) => (state.fieldErrors?.[name] ? <span className="text-xs text-red-700">{state.fieldErrors[name]}</span> : null);
  const label = (name: (typeof ADDRESS_FIELDS)[number]) => t(`fields.${name}`);

  return (
    <form action={formAction} className="flex flex-col gap-5" data-testid="order-edit-form">
      <input type="hidden" name="orderId" value={order.id} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("items")}</legend>
        {order.items.map((item) => (
          <div key={item.id} className="flex flex-wrap items-center gap-3 text-sm">
            <input type="hidden" name="itemId" value={item.id} />
            <input type="hidden" name={`productId:${item.id}`} value={item.productId} />
            <span className="min-w-40 flex-1 truncate">{item.productName}</span>
            <label className="flex items-center gap-1.5 text-slate-500">
              {t("quantityShort")}
              <input
                name={`quantity:${item.id}`}
                type="number"
                min={1}
                max={99}
                required
                defaultValue={item.quantity}
                aria-label={t("quantity", { product: item.productName })}
                className={`${control} w-20`}
              />
            </label>
            <label className="flex items-center gap-1.5 text-slate-500">
              <input type="checkbox" name={`remove:${item.id}`} className="size-4 rounded border-slate-300" />
              {t("remove")}
            </label>
            {error(`quantity:${item.id}`)}
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <select name="addProductId" defaultValue="" aria-label={t("addProduct")} className={`${control} min-w-40 flex-1`}>
            <option value="">{t("addProduct")}…</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
          <label className="flex items-center gap-1.5 text-slate-500">
            {t("quantityShort")}
            <input name="addQuantity" type="number" min={1} max={99} defaultValue={1} className={`${control} w-20`} />
          </label>
          {error("addProductId")}
        </div>
        {error("items")}
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("address")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {ADDRESS_FIELDS.map((name) => (
            <label key={name} className={`flex flex-col gap-1 text-xs font-medium text-slate-500 ${name === "street" ? "sm:col-span-2" : ""}`}>
              {label(name)}
              <input name={name} defaultValue={order.address[name]} maxLength={300} className={control} aria-invalid={Boolean(state.fieldErrors?.[name])} />
              {error(name)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormMessage state={state} testId="edit-result" />
      <button type="submit" className="btn self-start" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
