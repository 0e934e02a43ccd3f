import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { clientMessages } from "@/lib/i18n/client-messages";
import { hasActiveOwner } from "@/lib/auth/create-owner";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("signIn");
  const setupDone = (await searchParams).setup === "done";
  const ownerExists = await hasActiveOwner();
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl, "/admin");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      <h1 className="text-2xl font-semibold">{t("staffTitle")}</h1>
      {setupDone ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="setup-done">
          {t("setupDone")}
        </p>
      ) : null}
      {query.reset === "done" ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="reset-done">
          {t("resetDone")}
        </p>
      ) : null}
      <div className="card">
        <NextIntlClientProvider messages={await clientMessages(["common", "signIn"])}>
          <SignInForm kind="staff" callbackUrl={callbackUrl} />
        </NextIntlClientProvider>
      </div>
      <Link className="text-sm text-brand-700 hover:underline" href="/signin/forgot">
        {t("forgot")}
      </Link>
      <Link className="text-sm text-brand-700 hover:underline" href="/partners/signin">
        {t("toPartner")}
      </Link>
      {ownerExists ? null : (
        <Link className="text-sm text-brand-700 hover:underline" href="/setup" data-testid="setup-link">
          {t("setupLink")}
        </Link>
      )}
    </main>
  );
}
