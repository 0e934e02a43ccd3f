import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { LinkBuilder } from "@/components/partner/link-builder";
import { listLinkableProducts } from "@/lib/affiliates/cabinet/list-linkable-products";
import { requirePartnerPage } from "@/lib/auth/guard";
import { getEnv } from "@/lib/env";
import { clientMessages } from "@/lib/i18n/client-messages";

export default async function PartnerLinksPage() {
  const actor = await requirePartnerPage("/partner/links");
  const [t, products, messages] = await Promise.all([getTranslations("cabinet"), listLinkableProducts(), clientMessages(["cabinet"])]);
  return (
    <>
      <PageHeader title={t("linksTitle")} />
      <p className="mb-5 max-w-3xl text-sm text-slate-600">{t("linksIntro")}</p>
      {/* The builder is a client component: only the cabinet's messages travel to the browser. */}
      <NextIntlClientProvider messages={messages}>
        <LinkBuilder appUrl={getEnv().APP_URL} login={actor.login} products={products} />
      </NextIntlClientProvider>
    </>
  );
}
