"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";
import type { TShopRequisites } from "@/lib/settings/shop-requisites";
import { controlProps, Field } from "./field";
import { useResponseKey } from "./use-response-key";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: TShopRequisites | null;
}

type Name = keyof TShopRequisites;

const GROUPS: {
  title: "sender" | "bank" | "document";
  hint?: "documentHint";
  fields: { name: Name; hint?: string; maxLength: number; inputMode?: "numeric"; type?: "date"; wide?: boolean }[];
}[] = [
  {
    title: "sender",
    fields: [
      { name: "senderName", hint: "senderNameHint", maxLength: 200, wide: true },
      { name: "legalName", hint: "legalNameHint", maxLength: 300, wide: true },
      { name: "address", maxLength: 300, wide: true },
      { name: "postcode", maxLength: 6, inputMode: "numeric" },
      { name: "phone", maxLength: 40 },
      { name: "inn", hint: "innHint", maxLength: 14, inputMode: "numeric" },
      { name: "kpp", hint: "kppHint", maxLength: 9 },
    ],
  },
  {
    title: "bank",
    fields: [
      { name: "bankName", maxLength: 200, wide: true },
      { name: "bik", maxLength: 11, inputMode: "numeric" },
      { name: "correspondentAccount", maxLength: 25, inputMode: "numeric" },
      { name: "settlementAccount", maxLength: 25, inputMode: "numeric" },
    ],
  },
  {
    title: "document",
    hint: "documentHint",
    fields: [
      { name: "idDocumentType", maxLength: 60 },
      { name: "idDocumentSeries", maxLength: 20 },
      { name: "idDocumentNumber", maxLength: 30 },
      { name: "idDocumentIssuedOn", maxLength: 10, type: "date" },
      { name: "idDocumentIssuedBy", maxLength: 300, wide: true },
    ],
  },
];

export function ShopRequisitesForm({ action, values }: Props) {
  const t = useTranslations("settings.requisites");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const responseKey = useResponseKey(state);
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form key={`${JSON.stringify(values)}-${responseKey}`} action={formAction} className={`${panel} grid gap-6 p-6`} data-testid="requisites-form" noValidate>
      {GROUPS.map((group) => (
        <fieldset key={group.title} className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">{t(group.title)}</legend>
          {group.hint ? <p className="text-xs text-slate-500 sm:col-span-2">{t(group.hint)}</p> : null}
          {group.fields.map((field) => (
            <div key={field.name} className={field.wide ? "sm:col-span-2" : undefined}>
              <Field label={t(field.name)} name={field.name} error={error(field.name)} hint={field.hint ? t(field.hint as never) : undefined}>
                <input
                  {...controlProps(field.name, error(field.name))}
                  type={field.type ?? "text"}
                  inputMode={field.inputMode}
                  maxLength={field.maxLength}
                  defaultValue={typedOr(state, field.name, values?.[field.name] ?? "")}
                  className={control}
                />
              </Field>
            </div>
          ))}
        </fieldset>
      ))}
      <FormMessage state={state} testId="requisites-message" />
      <button type="submit" className={`${primaryButton} justify-self-start`} disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
