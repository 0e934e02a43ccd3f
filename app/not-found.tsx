import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="text-slate-600">{t("errors.notFoundText")}</p>
      <Link className="btn-secondary self-start" href="/">
        {t("common.appName")}
      </Link>
    </main>
  );
}
