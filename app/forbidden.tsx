import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="text-slate-600">{t("errors.forbiddenText")}</p>
      <Link className="btn-secondary self-start" href="/admin">
        {t("nav.home")}
      </Link>
    </main>
  );
}
