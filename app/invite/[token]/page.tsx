// The emailed invitation (/invite/<token>). Opening it changes nothing (mail scanners fetch
// links too): the page shows the password form, or why the link no longer works.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { peekEmployeeInvite } from "@/lib/employees/accept-employee-invite";
import { acceptInviteAction } from "./actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("metaTitle") };
}

const PROBLEM = { USED: "used", EXPIRED: "expired", INVALID: "invalid" } as const;

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const { state, email } = await peekEmployeeInvite(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      {state === "VALID" ? (
        <>
          <div className="flex flex-col gap-2">
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="text-sm text-slate-600">{t("intro", { email: email ?? "" })}</p>
          </div>
          <div className="card">
            <ResetPasswordForm token={token} action={acceptInviteAction} />
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3" data-testid="invite-problem" data-state={state}>
          <h1 className="text-2xl font-semibold">{t(`${PROBLEM[state]}Title`)}</h1>
          <p className="text-slate-600">{t(`${PROBLEM[state]}Text`)}</p>
        </div>
      )}
    </main>
  );
}
