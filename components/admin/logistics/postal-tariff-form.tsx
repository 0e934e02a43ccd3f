"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The saved tariff as typed in the form (rubles, percent), or null when none is set. */
  tariff: { firstStepPostage: string; extraStepPostage: string; stepGrams: string; declaredValueRate: string; parcelSurcharge: string } | null;
}

/** The owner's Russian Post tariff: the postal fees of batch parcels are computed from it. */
export function PostalTariffForm({ action, tariff }: Props) {
  const t = useTranslations("logistics.fees");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof NonNullable<Props["tariff"]>, fallback = "") => typedOr(state, name, tariff?.[name] ?? fallback);
  return (
    <form action={formAction} className="card flex max-w-xl flex-col gap-4" data-testid="postal-tariff-form">
      <p className="text-sm text-slate-600">{tariff ? t("intro") : t("notSet")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="tariff-first" name="firstStepPostage" inputMode="decimal" label={t("firstStepPostage")} defaultValue={value("firstStepPostage")} error={errors.firstStepPostage} />
        <TextField id="tariff-extra" name="extraStepPostage" inputMode="decimal" label={t("extraStepPostage")} defaultValue={value("extraStepPostage")} error={errors.extraStepPostage} />
        <TextField id="tariff-step" name="stepGrams" inputMode="numeric" label={t("stepGrams")} defaultValue={value("stepGrams", "500")} error={errors.stepGrams} />
        <TextField
          id="tariff-rate"
          name="declaredValueRate"
          inputMode="decimal"
          label={t("declaredValueRate")}
          defaultValue={value("declaredValueRate")}
          error={errors.declaredValueRateBp ?? errors.declaredValueRate}
        />
        <TextField id="tariff-surcharge" name="parcelSurcharge" inputMode="decimal" label={t("parcelSurcharge")} defaultValue={value("parcelSurcharge")} error={errors.parcelSurcharge} />
      </div>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      <div className="flex gap-2">
        <button type="submit" name="intent" value="save" className={primaryButton} disabled={pending}>
          {t("save")}
        </button>
        {tariff ? (
          <button type="submit" name="intent" value="remove" className={secondaryButton} disabled={pending}>
            {t("remove")}
          </button>
        ) : null}
      </div>
      <FormMessage state={state} testId="postal-tariff-result" />
    </form>
  );
}
