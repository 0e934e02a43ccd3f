import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";

export default async function LandingPage() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-8 px-6 py-16">
      <div>
        <h1 className="text-4xl font-bold tracking-tight">{t("common.appName")}</h1>
        <p className="mt-3 text-lg text-slate-600">{t("common.tagline")}</p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link className="btn" href="/signin">
          {t("landing.staffSignIn")}
        </Link>
        <Link className="btn-secondary" href="/partners/signin">
          {t("landing.partnerSignIn")}
        </Link>
      </div>
      <LocaleSwitcher />
    </main>
  );
}
