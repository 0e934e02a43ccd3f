// The emailed reset link (/reset-password/<token>): the password form, or why the link no
// longer works and where to ask for a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PasswordLinkPage } from "@/components/auth/password-link-page";
import { peekPasswordResetToken } from "@/lib/auth/reset-password";
import { resetPasswordAction } from "../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("metaTitle") };
}

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const { state, kind } = await peekPasswordResetToken(token);
  return (
    <PasswordLinkPage
      namespace="passwordReset"
      state={state}
      token={token}
      action={resetPasswordAction}
      title={t("setTitle")}
      intro={t("setIntro")}
      problemTestId="reset-link-problem"
      problemFooter={
        <div className="flex flex-wrap gap-3 text-sm">
          <Link className="text-brand-700 hover:underline" href={kind === "partner" ? "/partners/signin/forgot" : "/signin/forgot"}>
            {t("requestAgain")}
          </Link>
        </div>
      }
    />
  );
}
