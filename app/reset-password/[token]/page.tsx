// The emailed reset link (/reset-password/<token>). Opening it changes nothing (mail scanners
// fetch links too): the page only shows the form, or why the link no longer works.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { peekPasswordResetToken } from "@/lib/auth/reset-password";
import { resetPasswordAction } from "../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("metaTitle") };
}

const PROBLEM = { USED: "used", EXPIRED: "expired", INVALID: "invalid" } as const;

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const { state, kind } = await peekPasswordResetToken(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      {state === "VALID" ? (
        <>
          <div className="flex flex-col gap-2">
            <h1 className="text-2xl font-semibold">{t("setTitle")}</h1>
            <p className="text-sm text-slate-600">{t("setIntro")}</p>
          </div>
          <div className="card">
            <ResetPasswordForm token={token} action={resetPasswordAction} />
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3" data-testid="reset-link-problem" data-state={state}>
          <h1 className="text-2xl font-semibold">{t(`${PROBLEM[state]}Title`)}</h1>
          <p className="text-slate-600">{t(`${PROBLEM[state]}Text`)}</p>
          <div className="flex flex-wrap gap-3 text-sm">
            <Link className="text-brand-700 hover:underline" href={kind === "partner" ? "/partners/signin/forgot" : "/signin/forgot"}>
              {t("requestAgain")}
            </Link>
          </div>
        </div>
      )}
    </main>
  );
}
