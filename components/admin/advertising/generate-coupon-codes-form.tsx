"use client";

// "Generate codes" under a coupon's editor (admin → Advertising): how many, prefix, random length
// and uses per code. The server generates them in one transaction
// (lib/marketing/discounts/generate-coupon-codes.ts) and hands the codes back; they download at
// once as a CSV (one code per line under a "code" header), and the link stays for another copy.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

export type GenerateCouponCodesState = ActionState & { codes?: string[]; templateCode?: string };

type Props = { action: (state: GenerateCouponCodesState, formData: FormData) => Promise<GenerateCouponCodesState> };

export function GenerateCouponCodesForm({ action }: Props) {
  const t = useTranslations("discounts.admin.generate");
  const [state, formAction, pending] = useActionState(action, initialActionState as GenerateCouponCodesState);
  const download = useRef<HTMLAnchorElement>(null);
  const codes = state.status === "success" ? state.codes : undefined;
  const file = useMemo(() => {
    if (!codes?.length) return null;
    const url = URL.createObjectURL(new Blob([`code\r\n${codes.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }));
    return { url, name: `coupons-${state.templateCode ?? "codes"}-${codes.length}.csv` };
  }, [codes, state.templateCode]);
  useEffect(() => {
    if (!file) return;
    download.current?.click();
    return () => URL.revokeObjectURL(file.url);
  }, [file]);
  const error = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={formAction} className="card flex max-w-3xl flex-col gap-4" data-testid="generate-codes-form" noValidate>
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("hint")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="generate-count" name="count" label={t("count")} defaultValue={typedOr(state, "count", "100")} error={error("count")} inputMode="numeric" required />
        <TextField id="generate-prefix" name="prefix" label={t("prefix")} defaultValue={typedOr(state, "prefix", "")} error={error("prefix")} maxLength={20} autoComplete="off" />
        <TextField id="generate-length" name="randomLength" label={t("randomLength")} defaultValue={typedOr(state, "randomLength", "8")} error={error("randomLength")} inputMode="numeric" />
        <TextField id="generate-uses" name="usesPerCode" label={t("usesPerCode")} defaultValue={typedOr(state, "usesPerCode", "1")} error={error("usesPerCode")} inputMode="numeric" />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </button>
        {file && codes ? (
          <a ref={download} href={file.url} download={file.name} className="text-sm font-medium text-indigo-700 underline" data-testid="generated-codes-csv">
            {t("download", { count: codes.length })}
          </a>
        ) : null}
      </div>
      <FormMessage state={state} testId="generate-codes-message" />
    </form>
  );
}
