"use client";

// The editor of a coupon, automatic discount or promotion (admin → Advertising). The server
// validates everything (lib/marketing/discounts/save-*.ts) and answers with a message per field;
// what was typed is kept after a refusal.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { FieldError } from "@/components/checkout/field-shell";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";

type Kind = "coupon" | "automatic" | "promotion";
type Values = Record<string, string | string[] | boolean>;

type Props = {
  kind: Kind;
  values: Values | null;
  products: { id: string; name: string; currency: string }[];
  /** The CRM's RFM segment names (automatic discounts). */
  rfmSegments: string[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

export function DiscountForm({ kind, values, products, rfmSegments, action }: Props) {
  const t = useTranslations("discounts.admin");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const stored = (name: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : "";
  };
  const text = (name: string, fallback = "") => typedOr(state, name, stored(name) || fallback);
  const ticked = (name: string, fallback = false) => tickedOr(state, name, "on", typeof values?.[name] === "boolean" ? (values[name] as boolean) : fallback);
  const chosen = (name: string) => {
    const typed = state.status === "error" ? state.values?.[name] : undefined;
    const list = typed ?? values?.[name];
    return Array.isArray(list) ? list : typeof list === "string" && list ? [list] : [];
  };
  const error = (name: string) => state.fieldErrors?.[name];
  const kinds = kind === "promotion" ? ["PERCENT", "FIXED", "PRICE"] : ["PERCENT", "FIXED"];

  return (
    <form action={formAction} className="card flex max-w-3xl flex-col gap-5" noValidate>
      {values?.id ? <input type="hidden" name="id" value={String(values.id)} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {kind === "coupon" ? (
          <TextField id="discount-code" name="code" label={t("fields.code")} defaultValue={text("code")} error={error("code")} required autoComplete="off" />
        ) : (
          <TextField id="discount-name" name="name" label={t("fields.name")} defaultValue={text("name")} error={error("name")} required />
        )}
        {kind !== "automatic" ? (
          <TextField id="discount-description" name="description" label={t("fields.description")} defaultValue={text("description")} error={error("description")} />
        ) : null}
        <div>
          <label htmlFor="discount-kind" className="mb-1.5 block text-sm font-medium text-slate-700">
            {t("fields.kind")}
          </label>
          <select id="discount-kind" name="kind" className="input" defaultValue={text("kind", "PERCENT")}>
            {kinds.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
          <FieldError inputId="discount-kind" message={error("kind")} />
        </div>
        <TextField id="discount-value" name="value" label={t("fields.value")} defaultValue={text("value")} error={error("value")} inputMode="decimal" required />
        <TextField id="discount-currency" name="currency" label={t("fields.currency")} defaultValue={text("currency")} error={error("currency")} maxLength={3} placeholder="RUB" />
        {kind !== "promotion" ? (
          <div>
            <label htmlFor="discount-scope" className="mb-1.5 block text-sm font-medium text-slate-700">
              {t("fields.scope")}
            </label>
            <select id="discount-scope" name="scope" className="input" defaultValue={text("scope", "ORDER")}>
              {["ORDER", "ITEMS", "SHIPPING"].map((option) => (
                <option key={option} value={option}>
                  {t(`scopes.${option}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">{t("valueHint")}</p>

      {kind === "automatic" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="discount-product" className="mb-1.5 block text-sm font-medium text-slate-700">
              {t("fields.product")}
            </label>
            <select id="discount-product" name="productId" className="input" defaultValue={text("productId")}>
              <option value="">{t("allProducts")}</option>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.name}
                </option>
              ))}
            </select>
            <FieldError inputId="discount-product" message={error("productId")} />
          </div>
          <div>
            <label htmlFor="discount-region" className="mb-1.5 block text-sm font-medium text-slate-700">
              {t("fields.region")}
            </label>
            <select id="discount-region" name="region" className="input" defaultValue={text("region")}>
              <option value="">{t("allRegions")}</option>
              {["RU", "CIS", "WORLD"].map((region) => (
                <option key={region} value={region}>
                  {region}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("fields.rfmSegments")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {rfmSegments.map((segment) => (
                <label key={segment} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name="rfmSegments" value={segment} defaultChecked={chosen("rfmSegments").includes(segment)} />
                  {segment}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("fields.abcClasses")}</legend>
            <div className="flex gap-4">
              {["A", "B", "C"].map((abc) => (
                <label key={abc} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name="abcClasses" value={abc} defaultChecked={chosen("abcClasses").includes(abc)} />
                  {abc}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      ) : (
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">{t(kind === "promotion" ? "fields.promotionProducts" : "fields.products")}</legend>
          <select
            name="productIds"
            multiple
            className="input h-32"
            defaultValue={chosen("productIds")}
            aria-label={t(kind === "promotion" ? "fields.promotionProducts" : "fields.products")}
            aria-invalid={error("productIds") ? true : undefined}
          >
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name} ({product.currency})
              </option>
            ))}
          </select>
          <FieldError inputId="discount-products" message={error("productIds")} />
          {kind === "coupon" ? (
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="productsExcluded" defaultChecked={ticked("productsExcluded")} />
              {t("fields.productsExcluded")}
            </label>
          ) : null}
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        {kind !== "promotion" ? (
          <>
            <TextField
              id="discount-min-total"
              name="minOrderTotal"
              label={t("fields.minOrderTotal")}
              defaultValue={text("minOrderTotal")}
              error={error("minOrderTotal")}
              inputMode="decimal"
            />
            <TextField id="discount-min-quantity" name="minQuantity" label={t("fields.minQuantity")} defaultValue={text("minQuantity")} error={error("minQuantity")} inputMode="numeric" />
          </>
        ) : null}
        {kind === "coupon" ? (
          <>
            <TextField id="discount-max-uses" name="maxUses" label={t("fields.maxUses")} defaultValue={text("maxUses")} error={error("maxUses")} inputMode="numeric" />
            <TextField
              id="discount-max-uses-customer"
              name="maxUsesPerCustomer"
              label={t("fields.maxUsesPerCustomer")}
              defaultValue={text("maxUsesPerCustomer")}
              error={error("maxUsesPerCustomer")}
              inputMode="numeric"
            />
          </>
        ) : null}
        {kind === "automatic" ? (
          <TextField id="discount-priority" name="priority" label={t("fields.priority")} defaultValue={text("priority", "0")} error={error("priority")} inputMode="numeric" />
        ) : null}
        <TextField id="discount-starts" name="startsAt" type="datetime-local" label={t("fields.startsAt")} defaultValue={text("startsAt")} error={error("startsAt")} />
        <TextField id="discount-ends" name="endsAt" type="datetime-local" label={t("fields.endsAt")} defaultValue={text("endsAt")} error={error("endsAt")} />
      </div>
      <p className="text-xs text-slate-500">{t("datesHint")}</p>

      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {kind !== "promotion" ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="firstOrderOnly" defaultChecked={ticked("firstOrderOnly")} />
            {t("fields.firstOrderOnly")}
          </label>
        ) : (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showCountdown" defaultChecked={ticked("showCountdown", true)} />
            {t("fields.showCountdown")}
          </label>
        )}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="combinable" defaultChecked={ticked("combinable")} />
          {t("fields.combinable")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isActive" defaultChecked={ticked("isActive", true)} />
          {t("fields.isActive")}
        </label>
      </div>

      <FormMessage state={state} testId="discount-form-message" />
      <div>
        <button type="submit" className="btn" disabled={pending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
