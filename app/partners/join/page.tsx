// Public partner registration (/partners/join, /partners/join?ref=<login>). The ref is shown
// only when it names an ACTIVE partner; the registration itself re-checks it on the server.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShopShell } from "@/components/checkout/shop-shell";
import { JoinForm } from "@/components/partners/join-form";
import { ZPartnerLogin } from "@/lib/affiliates/partner-login";
import { db } from "@/lib/db";
import { registerPartnerAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnerJoin");
  return { title: t("metaTitle") };
}

export default async function PartnerJoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("partnerJoin");
  const ref = (await searchParams).ref;
  const refLogin = typeof ref === "string" ? ZPartnerLogin.safeParse(ref).data : undefined;
  const inviter = refLogin ? await db.partner.findFirst({ where: { login: refLogin, status: "ACTIVE" }, select: { login: true } }) : null;
  return (
    <ShopShell width="narrow">
      <div className="mx-auto flex max-w-md flex-col gap-6">
        <div className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="text-slate-600">{t("intro")}</p>
          {inviter ? (
            <p className="text-sm text-slate-600" data-testid="invited-by">
              {t("invitedBy", { login: inviter.login })}
            </p>
          ) : null}
        </div>
        <div className="card">
          <JoinForm action={registerPartnerAction} refLogin={inviter?.login} />
        </div>
        <p className="text-sm text-slate-600">
          {t("haveAccount")}{" "}
          <Link className="text-brand-700 underline underline-offset-2 hover:no-underline" href="/partners/signin">
            {t("signIn")}
          </Link>
        </p>
      </div>
    </ShopShell>
  );
}
