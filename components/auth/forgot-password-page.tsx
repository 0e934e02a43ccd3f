// The "Forgot password?" page of either sign-in (/signin/forgot, /partners/signin/forgot).
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { AccountKind } from "@/lib/auth/request-password-reset";
import type { ActionState } from "@/lib/forms/action-state";
import { clientMessages } from "@/lib/i18n/client-messages";
import { ForgotPasswordForm } from "./forgot-password-form";

type Action = (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;

export async function ForgotPasswordPage({ kind, action }: { kind: AccountKind; action: Action }) {
  const t = await getTranslations("passwordReset");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("requestTitle")}</h1>
        <p className="text-sm text-slate-600">{kind === "staff" ? t("requestIntroStaff") : t("requestIntroPartner")}</p>
      </div>
      <div className="card">
        <NextIntlClientProvider messages={await clientMessages(["common", "passwordReset"])}>
          <ForgotPasswordForm kind={kind} action={action} />
        </NextIntlClientProvider>
      </div>
      <Link className="text-sm text-brand-700 hover:underline" href={kind === "staff" ? "/signin" : "/partners/signin"}>
        {t("backToSignIn")}
      </Link>
    </main>
  );
}
