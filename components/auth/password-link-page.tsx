// The page behind an emailed single-use link that sets a password (/reset-password/<token>,
// /invite/<token>): while the link works, a title, a line and the password form; otherwise why
// it no longer works. Opening it changes nothing (mail scanners fetch links too).
import { getTranslations } from "next-intl/server";
import type { ResetTokenState } from "@/lib/auth/reset-password";
import type { ActionState } from "@/lib/forms/action-state";
import { ResetPasswordForm } from "./reset-password-form";

type Action = (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;

const PROBLEM = { USED: "used", EXPIRED: "expired", INVALID: "invalid" } as const;

interface Props {
  /** The messages namespace holding the problem texts (usedTitle, usedText, …). */
  namespace: "passwordReset" | "invite";
  state: ResetTokenState;
  token: string;
  action: Action;
  title: string;
  intro: string;
  problemTestId: string;
  /** Shown under the explanation when the link no longer works. */
  problemFooter?: React.ReactNode;
}

export async function PasswordLinkPage({ namespace, state, token, action, title, intro, problemTestId, problemFooter }: Props) {
  const t = await getTranslations(namespace);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      {state === "VALID" ? (
        <>
          <div className="flex flex-col gap-2">
            <h1 className="text-2xl font-semibold">{title}</h1>
            <p className="text-sm text-slate-600">{intro}</p>
          </div>
          <div className="card">
            <ResetPasswordForm token={token} action={action} />
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3" data-testid={problemTestId} data-state={state}>
          <h1 className="text-2xl font-semibold">{t(`${PROBLEM[state]}Title`)}</h1>
          <p className="text-slate-600">{t(`${PROBLEM[state]}Text`)}</p>
          {problemFooter}
        </div>
      )}
    </main>
  );
}
