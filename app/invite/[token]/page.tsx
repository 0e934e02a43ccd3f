// The emailed invitation (/invite/<token>): the password form, or why the link no longer works.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordLinkPage } from "@/components/auth/password-link-page";
import { peekEmployeeInvite } from "@/lib/employees/accept-employee-invite";
import { acceptInviteAction } from "./actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("metaTitle") };
}

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const { state, email } = await peekEmployeeInvite(token);
  return (
    <PasswordLinkPage
      namespace="invite"
      state={state}
      token={token}
      action={acceptInviteAction}
      title={t("title")}
      intro={t("intro", { email: email ?? "" })}
      problemTestId="invite-problem"
    />
  );
}
