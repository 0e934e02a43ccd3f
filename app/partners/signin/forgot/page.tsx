import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordPage } from "@/components/auth/forgot-password-page";
import { requestPartnerPasswordResetAction } from "@/app/reset-password/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("metaTitle") };
}

export default function PartnerForgotPasswordPage() {
  return <ForgotPasswordPage kind="partner" action={requestPartnerPasswordResetAction} />;
}
