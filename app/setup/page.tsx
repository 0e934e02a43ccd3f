// The first-run page: creates the shop's first owner while there is none (lib/auth/
// first-owner-setup.ts says who may). Once an owner exists it is not there at all (404).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { getSetupAccess } from "@/lib/auth/first-owner-setup";
import { clientIpFrom } from "@/lib/client-ip";
import { clientMessages } from "@/lib/i18n/client-messages";
import { setupOwnerAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("setup");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.slice(0, 100) : undefined;
  const access = await getSetupAccess({ ip: clientIpFrom(await headers()), token });
  if (access === "closed") notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-6">
      {access === "allowed" ? (
        <>
          <div className="flex flex-col gap-2">
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="text-sm text-slate-600">{t("intro")}</p>
          </div>
          <div className="card">
            <NextIntlClientProvider messages={await clientMessages(["setup"])}>
              <SetupForm token={token} action={setupOwnerAction} />
            </NextIntlClientProvider>
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-2" data-testid="setup-needs-token">
          <h1 className="text-2xl font-semibold">{t("needsTokenTitle")}</h1>
          <p className="text-sm text-slate-600">{t("needsTokenText")}</p>
        </div>
      )}
    </main>
  );
}
