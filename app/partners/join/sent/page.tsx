// After registering: the password and the confirmation link are on their way by mail.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShopShell } from "@/components/checkout/shop-shell";
import { StatusIcon } from "@/components/checkout/status-icon";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnerJoin.sent");
  return { title: t("metaTitle") };
}

export default async function PartnerJoinSentPage() {
  const t = await getTranslations("partnerJoin.sent");
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col items-center gap-4 pt-2 text-center" data-testid="join-sent">
        <StatusIcon kind="mail" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="max-w-lg text-slate-600">{t("text")}</p>
        <Link href="/partners/signin" className="btn-secondary mt-2">
          {t("signIn")}
        </Link>
      </div>
    </ShopShell>
  );
}
