import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("signIn");
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/admin");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      <h1 className="text-2xl font-semibold">{t("staffTitle")}</h1>
      <div className="card">
        <SignInForm kind="staff" callbackUrl={callbackUrl} />
      </div>
      <Link className="text-sm text-brand-700 hover:underline" href="/partners/signin">
        {t("toPartner")}
      </Link>
    </main>
  );
}
