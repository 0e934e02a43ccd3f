"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton } from "@/components/ui/styles";
import type { ActionState } from "@/lib/forms/action-state";
import { FieldError } from "./field";
import { useKeptFormAction } from "./use-kept-form-action";

interface Props {
  productId: string;
  templates: readonly string[];
  locales: readonly string[];
  texts: { template: string; locale: string; subject: string | null; body: string }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

/** The product's own subject and text of each order mail, per language. */
export function EmailTextsForm({ productId, templates, locales, texts, action }: Props) {
  const t = useTranslations("products.emails");
  const { state, onSubmit, pending } = useKeptFormAction(action);
  const text = (template: string, locale: string) => texts.find((entry) => entry.template === template && entry.locale === locale);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="email-texts-form">
      <input type="hidden" name="productId" value={productId} />
      <p className="text-xs text-slate-500">{t("hint")}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {templates.flatMap((template) =>
          locales.map((locale) => {
            const id = `${template}:${locale}`;
            return (
              <fieldset key={id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">
                  {t(`templates.${template}`)} · {t(`locales.${locale}`)}
                </legend>
                <input type="hidden" name="text" value={id} />
                <label className="flex flex-col gap-1 text-xs text-slate-500">
                  {t("subject")}
                  <input name={`subject:${id}`} defaultValue={text(template, locale)?.subject ?? ""} maxLength={200} className={control} />
                  <FieldError message={state.fieldErrors?.[`subject:${id}`]} />
                </label>
                <label className="flex flex-col gap-1 text-xs text-slate-500">
                  {t("body")}
                  <textarea name={`body:${id}`} defaultValue={text(template, locale)?.body ?? ""} rows={4} maxLength={5000} className={`${control} h-auto py-2`} />
                  <FieldError message={state.fieldErrors?.[`body:${id}`]} />
                </label>
              </fieldset>
            );
          }),
        )}
      </div>
      <FormMessage state={state} testId="email-texts-result" />
      <button type="submit" className={`${primaryButton} self-start`} disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
