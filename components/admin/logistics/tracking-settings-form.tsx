"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { primaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  settings: { enabled: boolean; login: string; dailyQuota: number; checkIntervalHours: number; hasPassword: boolean; passwordFromEnv: boolean };
}

/** The owner's tracking settings; the password field is write-only (never filled from the server). */
export function TrackingSettingsForm({ action, settings }: Props) {
  const t = useTranslations("logistics.settings");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card flex max-w-xl flex-col gap-4" data-testid="tracking-settings-form">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={state.status === "error" ? state.values?.enabled === "on" : settings.enabled} className="size-4 rounded border-slate-300" />
        {t("enabled")}
      </label>
      <TextField id="tracking-login" name="login" label={t("login")} defaultValue={typedOr(state, "login", settings.login)} autoComplete="off" maxLength={200} error={errors.login} />
      <div>
        <TextField id="tracking-password" name="password" type="password" label={t("password")} autoComplete="new-password" maxLength={200} error={errors.password} />
        {settings.hasPassword ? <p className="mt-1 text-xs text-slate-500">{settings.passwordFromEnv ? t("passwordFromEnv") : t("passwordSet")}</p> : null}
        {settings.hasPassword && !settings.passwordFromEnv ? (
          <label className="mt-1 flex items-center gap-2 text-xs text-slate-600">
            <input type="checkbox" name="clearPassword" className="size-3.5 rounded border-slate-300" />
            {t("clearPassword")}
          </label>
        ) : null}
      </div>
      <div>
        <TextField
          id="tracking-quota"
          name="dailyQuota"
          inputMode="numeric"
          label={t("dailyQuota")}
          defaultValue={typedOr(state, "dailyQuota", String(settings.dailyQuota))}
          error={errors.dailyQuota}
        />
        <p className="mt-1 text-xs text-slate-500">{t("dailyQuotaHint")}</p>
      </div>
      <TextField
        id="tracking-interval"
        name="checkIntervalHours"
        inputMode="numeric"
        label={t("interval")}
        defaultValue={typedOr(state, "checkIntervalHours", String(settings.checkIntervalHours))}
        error={errors.checkIntervalHours}
      />
      <div>
        <button type="submit" className={primaryButton} disabled={pending}>
          {t("save")}
        </button>
      </div>
      <FormMessage state={state} testId="tracking-settings-result" />
    </form>
  );
}
