"use client";

// The upsell editor: what is offered, on which products, where (checkout bump or thank-you
// offer), the texts in both languages and the upsell's own price per currency (major units; an
// empty price means the upsell is not offered in that currency).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";
import type { TUpsellEditor } from "@/lib/marketing/upsells/get-upsell-editor";
import { minorUnitsToDecimalString } from "@/lib/money/format";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function UpsellForm({ editor, action }: { editor: TUpsellEditor; action: Action }) {
  const t = useTranslations("adminUpsells");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const upsell = editor.upsell;
  const error = (name: string) => state.fieldErrors?.[name];
  const kind = typedOr(state, "kind", upsell?.kind ?? "ONE_CLICK");
  const offer = typedOr(state, "offerProductId", upsell?.offerProductId ?? "");
  const typedTriggers = state.status === "error" ? state.values?.triggerProductIds : undefined;
  const triggers = new Set(
    typedTriggers === undefined ? (state.status === "error" ? [] : (upsell?.triggerProductIds ?? [])) : Array.isArray(typedTriggers) ? typedTriggers : [typedTriggers],
  );
  const productName = (product: { name: string; isActive: boolean }) => (product.isActive ? product.name : `${product.name} (${t("productOff")})`);

  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-5" data-testid="upsell-form">
      {upsell ? <input type="hidden" name="id" value={upsell.id} /> : null}
      <section className={`${panel} flex flex-col gap-4 p-5`}>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.kind")}</legend>
          {(["BUMP", "ONE_CLICK"] as const).map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value={value} defaultChecked={kind === value} className="mt-1" />
              <span>
                <span className="font-medium">{t(`kinds.${value}`)}</span> — <span className="text-slate-600">{t(`kindHints.${value}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("fields.offerProduct")}
          <select name="offerProductId" defaultValue={offer} className={control} aria-invalid={error("offerProductId") ? true : undefined}>
            <option value="">{t("choose")}</option>
            {editor.products.map((product) => (
              <option key={product.id} value={product.id}>
                {productName(product)}
              </option>
            ))}
          </select>
          {error("offerProductId") ? <span className="text-xs text-red-700">{error("offerProductId")}</span> : null}
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.triggers")}</legend>
          <p className="text-xs text-slate-500">{t("triggersHint")}</p>
          <div className="flex max-h-56 flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {editor.products.map((product) => (
              <label key={product.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="triggerProductIds" value={product.id} defaultChecked={triggers.has(product.id)} />
                {productName(product)}
              </label>
            ))}
          </div>
          {error("triggerProductIds") ? <span className="text-xs text-red-700">{error("triggerProductIds")}</span> : null}
        </fieldset>
      </section>

      <section className={`${panel} grid gap-4 p-5 sm:grid-cols-2`}>
        {(["title", "titleEn"] as const).map((name) => (
          <label key={name} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t(`fields.${name}`)}
            <input name={name} defaultValue={typedOr(state, name, upsell?.[name] ?? "")} maxLength={200} className={control} aria-invalid={error(name) ? true : undefined} />
            {error(name) ? <span className="text-xs text-red-700">{error(name)}</span> : null}
          </label>
        ))}
        {(["description", "descriptionEn"] as const).map((name) => (
          <label key={name} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t(`fields.${name}`)}
            <textarea name={name} defaultValue={typedOr(state, name, upsell?.[name] ?? "")} maxLength={1000} rows={3} className={`${control} h-auto py-2`} />
            {error(name) ? <span className="text-xs text-red-700">{error(name)}</span> : null}
          </label>
        ))}
        <p className="text-xs text-slate-500 sm:col-span-2">{t("textsHint")}</p>
      </section>

      <section className={`${panel} flex flex-col gap-4 p-5`}>
        <div>
          <h2 className="text-sm font-medium text-slate-700">{t("fields.prices")}</h2>
          <p className="text-xs text-slate-500">{t("pricesHint")}</p>
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {editor.currencies.map((currency) => {
            const stored = upsell?.prices[currency.code];
            const name = `price.${currency.code}`;
            return (
              <label key={currency.code} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
                {currency.code}
                <input
                  name={name}
                  inputMode="decimal"
                  defaultValue={typedOr(state, name, stored === undefined ? "" : minorUnitsToDecimalString(stored, currency.digits))}
                  className={control}
                  aria-invalid={error(name) ? true : undefined}
                  data-testid={`upsell-price-${currency.code}`}
                />
                {error(name) ? <span className="text-xs text-red-700">{error(name)}</span> : null}
              </label>
            );
          })}
        </div>
        {error("prices") ? <span className="text-xs text-red-700">{error("prices")}</span> : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t("fields.quantity")}
            <input name="quantity" type="number" min={1} max={99} defaultValue={typedOr(state, "quantity", String(upsell?.quantity ?? 1))} className={control} />
            {error("quantity") ? <span className="text-xs text-red-700">{error("quantity")}</span> : null}
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t("fields.position")}
            <input name="position" type="number" min={0} max={10000} defaultValue={typedOr(state, "position", String(upsell?.position ?? 0))} className={control} />
            {error("position") ? <span className="text-xs text-red-700">{error("position")}</span> : null}
          </label>
          <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="isActive" defaultChecked={tickedOr(state, "isActive", "on", upsell?.isActive ?? true)} />
            {t("fields.isActive")}
          </label>
        </div>
      </section>

      <FormMessage state={state} testId="upsell-form-message" />
      <div className="flex gap-3">
        <button type="submit" className={primaryButton} disabled={pending} data-testid="upsell-save">
          {pending ? t("saving") : t("save")}
        </button>
        <Link href="/admin/advertising/upsells" className={secondaryButton} lang={locale}>
          {t("backToList")}
        </Link>
      </div>
    </form>
  );
}
