import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requirePartnerPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export default async function PartnerHomePage() {
  const actor = await requirePartnerPage();
  const t = await getTranslations("partner");
  const partner = await db.partner.findUniqueOrThrow({ where: { id: actor.id }, select: { login: true, status: true } });
  const link = `${getEnv().APP_URL}/r/${partner.login}`;
  return (
    <>
      <PageHeader title={t("welcome", { name: actor.name })} />
      <dl className="card grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-3 text-sm">
        <dt className="text-slate-500">{t("login")}</dt>
        <dd className="font-mono">{partner.login}</dd>
        <dt className="text-slate-500">{t("status")}</dt>
        <dd>{t(`statuses.${partner.status}`)}</dd>
        <dt className="text-slate-500">{t("referralLink")}</dt>
        <dd className="font-mono break-all" data-testid="referral-link">
          {link}
        </dd>
      </dl>
    </>
  );
}
